import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { localOrigin } from '../origins.ts'
import { activeSessionOf, LIVE_KEYS, roundOf } from '../records/live.ts'
import type { Round } from '../records/round.ts'
import type { Session } from '../records/session.ts'
import { liveMap, sessionsMap } from '../roots.ts'

/** Starts a session; the server fills attendance from who connects while it runs. */
export function startSession(doc: Y.Doc, chairId: string, now = Date.now()): string {
  const id = nanoid()
  const session: Session = { id, startedAt: now, endedAt: null, startedBy: chairId, attendance: [chairId] }
  doc.transact(() => {
    sessionsMap(doc).set(id, session)
    liveMap(doc).set(LIVE_KEYS.activeSession, id)
  }, localOrigin(chairId))
  return id
}

export function endSession(doc: Y.Doc, chairId: string, now = Date.now()): void {
  const id = activeSessionOf(doc)
  if (id === null) return
  const session = sessionsMap(doc).get(id)
  doc.transact(() => {
    if (session) sessionsMap(doc).set(id, { ...session, endedAt: now })
    liveMap(doc).set(LIVE_KEYS.activeSession, null)
  }, localOrigin(chairId))
}

/** "Follow me": brings everyone who follows the chair to an area (null lets everyone roam). */
export function setFocus(doc: Y.Doc, chairId: string, areaId: string | null, now = Date.now()): void {
  doc.transact(
    () => liveMap(doc).set(LIVE_KEYS.focus, { areaId, by: chairId, at: now }),
    localOrigin(chairId),
  )
}

/** Opens a blind round on an area: from now ticks for it stay private until the reveal. */
export function startBlindRound(doc: Y.Doc, chairId: string, areaId: string, now = Date.now()): void {
  const round: Round = { mode: 'blind', startedAt: now, revealedAt: null }
  doc.transact(() => liveMap(doc).set(LIVE_KEYS.round(areaId), round), localOrigin(chairId))
}

/** Reveals a blind round; the server then copies everyone's private ticks for the area into the board. */
export function revealBlindRound(doc: Y.Doc, chairId: string, areaId: string, now = Date.now()): void {
  const current = roundOf(doc, areaId)
  const round: Round = { mode: 'revealed', startedAt: current?.startedAt ?? now, revealedAt: now }
  doc.transact(() => liveMap(doc).set(LIVE_KEYS.round(areaId), round), localOrigin(chairId))
}

/**
 * Opens an anonymous round on an area: ticks go to each person's private document, as in a blind
 * round, but the server counts them by group as they arrive and the room sees only those counts.
 * Starting it again after it ended resumes the count with the ticks people already made.
 */
export function startAnonymousRound(doc: Y.Doc, chairId: string, areaId: string, now = Date.now()): void {
  const round: Round = { mode: 'anonymous', startedAt: now, revealedAt: null }
  doc.transact(() => liveMap(doc).set(LIVE_KEYS.round(areaId), round), localOrigin(chairId))
}

/** Ends an anonymous round: the counts stay as the area's record; nobody's ticks are put on the board. */
export function endAnonymousRound(doc: Y.Doc, chairId: string, areaId: string, now = Date.now()): void {
  const current = roundOf(doc, areaId)
  if (current?.mode !== 'anonymous') return
  const round: Round = { mode: 'anonymous-ended', startedAt: current.startedAt, revealedAt: now }
  doc.transact(() => liveMap(doc).set(LIVE_KEYS.round(areaId), round), localOrigin(chairId))
}

/**
 * Starts an area's countdown. `now` is required and must be the server's time as the device knows
 * it: each viewer counts down against the same clock, so a device clock would show people different times.
 */
export function startTimer(
  doc: Y.Doc,
  chairId: string,
  areaId: string,
  durationSeconds: number,
  now: number,
): void {
  doc.transact(
    () => liveMap(doc).set(LIVE_KEYS.timer(areaId), { startedAt: now, durationSeconds }),
    localOrigin(chairId),
  )
}

export function stopTimer(doc: Y.Doc, chairId: string, areaId: string): void {
  doc.transact(() => liveMap(doc).delete(LIVE_KEYS.timer(areaId)), localOrigin(chairId))
}
