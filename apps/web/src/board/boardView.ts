import {
  type AgreedLevel,
  type AreaTicks,
  type LiveState,
  type Person,
  readAgreedLevels,
  readLive,
  readPeople,
  readSessions,
  type Session,
  type Tick,
  ticksByArea,
  ticksOfPerson,
} from '@co-assess/board-model'
import type * as Y from 'yjs'

/** Plain values read from the board document: what components render, never the Y types themselves. */
export interface BoardView {
  people: Map<string, Person>
  ticks: Map<string, AreaTicks>
  /** This person's own ticks, with any private blind-round ticks over the board's. */
  myTicks: Map<string, Tick>
  agreed: Map<string, AgreedLevel>
  live: LiveState
  sessions: Session[]
}

export function readBoardView(doc: Y.Doc, blindDoc: Y.Doc | null, personId: string): BoardView {
  const myTicks = ticksOfPerson(doc, personId)
  // Private ticks exist only until the reveal moves them onto the board, so they are the newer word.
  if (blindDoc) for (const [itemId, tick] of ticksOfPerson(blindDoc, personId)) myTicks.set(itemId, tick)
  return {
    people: readPeople(doc),
    ticks: ticksByArea(doc),
    myTicks,
    agreed: readAgreedLevels(doc),
    live: readLive(doc),
    sessions: readSessions(doc),
  }
}

export function isBlind(live: LiveState, areaId: string): boolean {
  return live.rounds.get(areaId)?.mode === 'blind'
}

export function activeSession(view: Pick<BoardView, 'live' | 'sessions'>): Session | null {
  const id = view.live.activeSessionId
  return id ? (view.sessions.find((s) => s.id === id && s.endedAt === null) ?? null) : null
}
