import {
  type AgreedLevel,
  type AreaTicks,
  areaOfItem,
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
  /** This person's own ticks, with their private ticks over the board's in areas still blind. */
  myTicks: Map<string, Tick>
  agreed: Map<string, AgreedLevel>
  live: LiveState
  sessions: Session[]
}

export function readBoardView(doc: Y.Doc, blindDoc: Y.Doc | null, personId: string): BoardView {
  const myTicks = ticksOfPerson(doc, personId)
  const live = readLive(doc)
  // A private tick is the newer word only while its area is blind. Once the round is revealed the
  // server moves it onto the board; one still here is on its way there, and must not hide a board tick
  // the person made after the reveal (or keep showing after the server decided against it).
  if (blindDoc) {
    for (const [itemId, tick] of ticksOfPerson(blindDoc, personId)) {
      if (isBlind(live, areaOfItem(itemId))) myTicks.set(itemId, tick)
    }
  }
  return {
    people: readPeople(doc),
    ticks: ticksByArea(doc),
    myTicks,
    agreed: readAgreedLevels(doc),
    live,
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
