import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { readFileIfExists } from './embedded/readFileIfExists.ts'
import { readSnapshot } from './embedded/readSnapshot.ts'
import { type DamagedRange, scanLog } from './embedded/scanLog.ts'
import { mergeStoredUpdates } from './mergeStoredUpdates.ts'
import type { DocumentStore } from './storagePort.ts'
import { describeUnrestorable, findUnrestorable, type Unrestorable } from './unrestorable.ts'

/** What a check of one stored board found. */
export interface BoardCheck {
  name: string
  /** Damaged ranges of the log with intact frames after them (embedded store only). */
  logDamage: DamagedRange[]
  /** Copies of a damaged log that the server set aside when it recovered it earlier. */
  asideCopies: string[]
  /** Stored changes the board cannot show because something they build on is missing. */
  unrestorable: Unrestorable | null
  /** Why the board could not be read at all (a damaged snapshot, a database error), if it could not. */
  unreadable: string | null
}

export const isDamaged = (check: BoardCheck): boolean =>
  check.logDamage.length > 0 || check.unrestorable !== null || check.unreadable !== null

const STORED = /^([A-Za-z0-9_.-]{1,128})\.(log|snap)$/
const ASIDE = /^([A-Za-z0-9_.-]{1,128})\.log\.corrupt-/

/**
 * Checks every board of an embedded store by reading its files, without taking the data
 * directory's lock and without changing anything, so it can run beside a live server. A damaged
 * range running to the end of a log is left out: that is an append in progress, or a crash's torn
 * write that the server cuts at its next start (never acknowledged, so nothing is lost).
 */
export async function checkEmbeddedDocuments(docsDir: string): Promise<BoardCheck[]> {
  const entries = (await readdir(docsDir)).sort()
  const names = new Set<string>()
  const aside = new Map<string, string[]>()
  for (const entry of entries) {
    const stored = STORED.exec(entry)?.[1]
    if (stored && !stored.includes('..')) names.add(stored)
    const copied = ASIDE.exec(entry)?.[1]
    if (copied) aside.set(copied, [...(aside.get(copied) ?? []), entry])
  }
  const checks: BoardCheck[] = []
  for (const name of [...names].sort()) {
    const check: BoardCheck = {
      name,
      logDamage: [],
      asideCopies: aside.get(name) ?? [],
      unrestorable: null,
      unreadable: null,
    }
    try {
      const snapshot = await readSnapshot(join(docsDir, `${name}.snap`))
      const log = (await readFileIfExists(join(docsDir, `${name}.log`))) ?? Buffer.alloc(0)
      const { frames, damage } = scanLog(log)
      check.logDamage = damage.filter((range) => range.end < log.length)
      const payloads = frames.map((frame) => frame.payload)
      check.unrestorable = findUnrestorable(mergeStoredUpdates(snapshot ? [snapshot, ...payloads] : payloads))
    } catch (error) {
      check.unreadable = (error as Error).message
    }
    checks.push(check)
  }
  return checks
}

/** Checks every board a document store holds, through the storage port (PostgreSQL, or an open embedded store). */
export async function checkDocumentStore(documents: DocumentStore): Promise<BoardCheck[]> {
  const checks: BoardCheck[] = []
  for (const name of await documents.listDocuments()) {
    const check: BoardCheck = { name, logDamage: [], asideCopies: [], unrestorable: null, unreadable: null }
    try {
      check.unrestorable = findUnrestorable(await documents.loadDocument(name))
    } catch (error) {
      check.unreadable = (error as Error).message
    }
    checks.push(check)
  }
  return checks
}

/** The report an operator reads: one line per damaged board saying what is missing, then a total. */
export function formatStoreCheck(checks: readonly BoardCheck[], where: string): string {
  const damaged = checks.filter(isDamaged)
  const lines = [
    `Checked ${checks.length} ${checks.length === 1 ? 'board' : 'boards'} in the ${where}: ${
      damaged.length === 0 ? 'every one is whole.' : `${damaged.length} damaged.`
    }`,
  ]
  for (const check of damaged) {
    const problems: string[] = []
    if (check.unreadable) problems.push(`cannot be read: ${check.unreadable}`)
    if (check.unrestorable) problems.push(`${describeUnrestorable(check.unrestorable)}`)
    if (check.logDamage.length > 0) {
      const bytes = check.logDamage.reduce((sum, range) => sum + range.end - range.start, 0)
      problems.push(
        `its log has ${check.logDamage.length} damaged ${check.logDamage.length === 1 ? 'range' : 'ranges'} (${bytes} bytes) with intact updates after; the server copies the log aside and keeps the intact updates when it next opens the board`,
      )
    }
    if (check.asideCopies.length > 0)
      problems.push(`damaged logs kept aside: ${check.asideCopies.join(', ')}`)
    lines.push(`DAMAGED ${check.name}: ${problems.join('; ')}.`)
  }
  return lines.join('\n')
}
