import type * as Y from 'yjs'
import { areaOfItem } from '../ids.ts'
import { serverOrigin } from '../origins.ts'
import {
  LIVE_KEYS,
  liveMap,
  metaMap,
  peopleMap,
  SCHEMA_VERSION,
  sessionsMap,
  splitOwnedKey,
  ticksMap,
} from '../roots.ts'
import type { Person } from '../values.ts'

// Writes only the server makes, through a direct connection; the write guard refuses them from clients.

/** Creates a new assessment's document once, on the server, so reconnecting clients never duplicate it. */
export function initBoard(
  doc: Y.Doc,
  input: { assessmentId: string; frameworkId: string; frameworkVersion: string },
): void {
  doc.transact(() => {
    const meta = metaMap(doc)
    if (meta.get('schemaVersion') !== undefined) return
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('assessmentId', input.assessmentId)
    meta.set('frameworkId', input.frameworkId)
    meta.set('frameworkVersion', input.frameworkVersion)
    meta.set('reviewClosedAt', null)
  }, serverOrigin('init'))
}

export function upsertPerson(doc: Y.Doc, person: Person): void {
  doc.transact(() => peopleMap(doc).set(person.id, person), serverOrigin('join'))
}

/** Marks the peer review closed: reviewers keep reading but can no longer write. */
export function setReviewClosed(doc: Y.Doc, closedAt: number | null): void {
  doc.transact(() => metaMap(doc).set('reviewClosedAt', closedAt), serverOrigin('review'))
}

/** Adds a person to the running session's attendance, if a session is running. */
export function recordAttendance(doc: Y.Doc, personId: string): void {
  const id = liveMap(doc).get(LIVE_KEYS.activeSession)
  if (typeof id !== 'string') return
  const session = sessionsMap(doc).get(id)
  if (!session || session.endedAt !== null || session.attendance.includes(personId)) return
  doc.transact(
    () => sessionsMap(doc).set(id, { ...session, attendance: [...session.attendance, personId] }),
    serverOrigin('attendance'),
  )
}

/**
 * Copies one person's blind ticks for an area from their private document into the board, then
 * clears them there. Returns how many ticks moved.
 */
export function mergeBlindTicks(board: Y.Doc, privateDoc: Y.Doc, personId: string, areaId: string): number {
  const from = ticksMap(privateDoc)
  const moves: Array<[string, NonNullable<ReturnType<typeof from.get>>]> = []
  for (const [key, tick] of from.entries()) {
    const owned = splitOwnedKey(key)
    if (owned?.personId === personId && areaOfItem(owned.rest) === areaId) moves.push([key, tick])
  }
  if (moves.length === 0) return 0
  board.transact(() => {
    for (const [key, tick] of moves) ticksMap(board).set(key, tick)
  }, serverOrigin('reveal'))
  privateDoc.transact(() => {
    for (const [key] of moves) from.delete(key)
  }, serverOrigin('reveal'))
  return moves.length
}
