import type * as Y from 'yjs'
import { serverOrigin } from '../origins.ts'
import { SCHEMA_VERSION } from '../records/meta.ts'
import { metaMap } from '../roots.ts'
import type { Migration } from './migration.ts'
import { v2GroupsAndOrganisations } from './v2GroupsAndOrganisations.ts'

/** Every step, oldest first; the last one's `to` is SCHEMA_VERSION (a test holds them to it). */
export const MIGRATIONS: readonly Migration[] = [v2GroupsAndOrganisations]

export type MigrationOutcome =
  | { kind: 'current'; version: number }
  | { kind: 'migrated'; from: number; to: number; steps: string[] }
  /** Written by newer code than this (a rolling deploy): left alone, never downgraded. */
  | { kind: 'newer'; version: number }
  /** Not a board (a private blind-round document, or one never initialised). */
  | { kind: 'not-a-board' }

/**
 * Brings a board up to the shape this code reads, in one transaction, and records the new version.
 * The server runs it when it loads a board, before anyone syncs, so every browser and every output
 * sees only the current shape. `origin` is the transaction's: the server passes the one its store
 * keeps.
 */
export function migrateBoard(doc: Y.Doc, origin: unknown = serverOrigin('migrate')): MigrationOutcome {
  const stored = metaMap(doc).get('schemaVersion')
  if (typeof stored !== 'number') return { kind: 'not-a-board' }
  if (stored > SCHEMA_VERSION) return { kind: 'newer', version: stored }
  const steps = MIGRATIONS.filter((step) => step.to > stored)
  if (steps.length === 0) return { kind: 'current', version: stored }
  doc.transact(() => {
    for (const step of steps) step.migrate(doc)
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION)
  }, origin)
  return { kind: 'migrated', from: stored, to: SCHEMA_VERSION, steps: steps.map((step) => step.describe) }
}
