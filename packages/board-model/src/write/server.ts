import type * as Y from 'yjs'
import type { GroupDef } from '../groups.ts'
import { areaOfItem } from '../ids.ts'
import { serverOrigin } from '../origins.ts'
import { ticksStayPrivate } from '../read/anonymousTally.ts'
import type { AnonymousTally } from '../records/anonymousTally.ts'
import { activeSessionOf, LIVE_KEYS } from '../records/live.ts'
import { SCHEMA_VERSION } from '../records/meta.ts'
import type { Person } from '../records/person.ts'
import { type Tick, tickKey } from '../records/tick.ts'
import { liveMap, metaMap, peopleMap, sessionsMap, ticksMap } from '../roots.ts'

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

/** Copies the assessment's groups onto the board, so every browser and report names them as the chair did. */
export function setBoardGroups(doc: Y.Doc, groups: readonly GroupDef[]): void {
  doc.transact(
    () =>
      metaMap(doc).set(
        'groups',
        groups.map((g) => ({ ...g })),
      ),
    serverOrigin('groups'),
  )
}

/**
 * Removes a person's name and organisation from the board on request. Their ticks, notes and
 * comments stay, attributed to "A participant from <group>": the replacement is written as the name,
 * so every view that shows a name shows it, with no view left to forget. Returns false if the person
 * is not on the board.
 */
export function erasePerson(doc: Y.Doc, personId: string, replacementName: string, at: number): boolean {
  const person = peopleMap(doc).get(personId)
  if (!person) return false
  doc.transact(
    () => peopleMap(doc).set(personId, { ...person, name: replacementName, organisation: '', erasedAt: at }),
    serverOrigin('erase'),
  )
  return true
}

/** Marks the peer review closed: reviewers keep reading but can no longer write. */
export function setReviewClosed(doc: Y.Doc, closedAt: number | null): void {
  doc.transact(() => metaMap(doc).set('reviewClosedAt', closedAt), serverOrigin('review'))
}

/**
 * Gives an end to every session that is no longer the running one but has none. A session record is
 * one map value, so the chair ending a session (a new record with its end) and the server recording
 * someone's attendance at that moment (a new record without it) are concurrent writes of one value,
 * and Yjs keeps one of them: if it keeps the attendance, the session is no longer running yet never
 * ended, and no one can say whether they felt heard. Returns how many sessions were given an end.
 */
export function endStoppedSessions(doc: Y.Doc, now: number): number {
  const running = activeSessionOf(doc)
  const stopped = [...sessionsMap(doc).entries()].filter(
    ([id, session]) => id !== running && session.endedAt === null,
  )
  if (stopped.length === 0) return 0
  doc.transact(() => {
    for (const [id, session] of stopped) sessionsMap(doc).set(id, { ...session, endedAt: now })
  }, serverOrigin('sessions'))
  return stopped.length
}

/**
 * Puts back people a session's attendance had before a client wrote the record again without them.
 * Attendance is the server's record; the chair's client copies it into the record it writes when it
 * ends the session, from what it has received so far, so a person recorded a moment before is missing
 * from that copy. Returns whether anyone was put back.
 */
export function keepAttendance(doc: Y.Doc, sessionId: string, attended: readonly string[]): boolean {
  const session = sessionsMap(doc).get(sessionId)
  if (!session) return false
  const missing = attended.filter((personId) => !session.attendance.includes(personId))
  if (missing.length === 0) return false
  doc.transact(
    () => sessionsMap(doc).set(sessionId, { ...session, attendance: [...session.attendance, ...missing] }),
    serverOrigin('attendance'),
  )
  return true
}

/** Adds a person to the running session's attendance, if a session is running. */
export function recordAttendance(doc: Y.Doc, personId: string): void {
  const id = activeSessionOf(doc)
  if (id === null) return
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
  return moveTicks(board, privateDoc, personId, (area) => area === areaId)
}

/**
 * Copies every private tick of one person whose area is not in a blind round on the board (revealed,
 * or never blind) onto the board, and clears it from the private document. The reveal merges only
 * once, so a tick that reaches the server later (made offline, or as the chair revealed) would
 * otherwise stay private for good. Returns how many ticks moved.
 */
export function mergeSettledTicks(board: Y.Doc, privateDoc: Y.Doc, personId: string): number {
  return moveTicks(board, privateDoc, personId, (area) => !ticksStayPrivate(board, area))
}

/** The areas holding private ticks of this person that the board no longer keeps blind. */
export function settledPrivateAreas(board: Y.Doc, privateDoc: Y.Doc, personId: string): Set<string> {
  const areas = new Set<string>()
  for (const key of ticksMap(privateDoc).keys()) {
    const owned = tickKey.decode(key)
    if (owned?.personId !== personId) continue
    const area = areaOfItem(owned.rest)
    if (!ticksStayPrivate(board, area)) areas.add(area)
  }
  return areas
}

/** Writes an anonymous round's counts (numbers only) for the room to see; only the server writes them. */
export function setAnonymousTally(board: Y.Doc, areaId: string, tally: AnonymousTally): void {
  board.transact(() => liveMap(board).set(LIVE_KEYS.tally(areaId), tally), serverOrigin('anonymous-tally'))
}

function moveTicks(
  board: Y.Doc,
  privateDoc: Y.Doc,
  personId: string,
  inArea: (areaId: string) => boolean,
): number {
  const from = ticksMap(privateDoc)
  const to = ticksMap(board)
  const taken: string[] = []
  const moves: Array<[string, Tick]> = []
  for (const [key, tick] of from.entries()) {
    const owned = tickKey.decode(key)
    if (owned?.personId !== personId || !inArea(areaOfItem(owned.rest))) continue
    taken.push(key)
    // A late private tick must not undo a newer word the person already put on the board.
    const current = to.get(key)
    if (!current || current.at <= tick.at) moves.push([key, tick])
  }
  if (taken.length === 0) return 0
  if (moves.length > 0) {
    board.transact(() => {
      for (const [key, tick] of moves) to.set(key, tick)
    }, serverOrigin('reveal'))
  }
  privateDoc.transact(() => {
    for (const key of taken) from.delete(key)
  }, serverOrigin('reveal'))
  return moves.length
}
