import type * as Y from 'yjs'
import { areaOfItem } from '../ids.ts'
import { tallyFromAnonymous } from '../read/anonymousTally.ts'
import type { AreaShape, LevelShape } from '../read/areaShape.ts'
import { readAgreedLevels, readPeople, readSessions } from '../read/readRecords.ts'
import { type LevelSuggestion, suggestLevel } from '../read/suggestLevel.ts'
import { type AreaTally, type ItemTally, tallyArea } from '../read/tallyArea.ts'
import { type AreaTicks, ticksByArea, ticksOfPerson } from '../read/ticksByArea.ts'
import type { AgreedLevel } from '../records/agreedLevel.ts'
import { type BlindProgress, readBlindProgressByArea } from '../records/blindProgress.ts'
import { areaIsAnonymous, areaTicksStayPrivate, type LiveState, readLive } from '../records/live.ts'
import type { Person } from '../records/person.ts'
import { type RecordedParticipant, readRecordedParticipants } from '../records/recordedParticipant.ts'
import type { Session } from '../records/session.ts'
import type { Tick } from '../records/tick.ts'
import { keepEntries, keepList, keepMap, sameEntries, sameItems } from './sameValues.ts'

/** Plain values read from the board document: what components render, never the Y types themselves. */
export interface BoardView {
  people: Map<string, Person>
  ticks: Map<string, AreaTicks>
  /** This person's own ticks, with their private ticks over the board's in areas still blind. */
  myTicks: Map<string, Tick>
  agreed: Map<string, AgreedLevel>
  live: LiveState
  sessions: Session[]
  /** Every framework area's counts (from the board's ticks; the page hides them while the area is blind). */
  tallies: Map<string, AreaTally>
  /** Every framework area's suggested level, from its tally. */
  suggestions: Map<string, LevelSuggestion>
  /** People who took part on paper or by phone, by person id: how, who entered them, when. */
  recorded: Map<string, RecordedParticipant>
  /**
   * Each area's blind-round count ("4 of 7") as the server last wrote it, whatever round it was of:
   * `progressOfRound` gives it only for the round running now.
   */
  blindProgress: Map<string, BlindProgress>
}

/** The parts of the framework the board's counts need: its areas' items, and its levels' labels. */
export interface ViewShape {
  areas: readonly AreaShape[]
  levels: readonly LevelShape[]
}

export function viewShape(framework: {
  levels: readonly LevelShape[]
  phases: ReadonlyArray<{ areas: readonly AreaShape[] }>
}): ViewShape {
  return { areas: framework.phases.flatMap((phase) => phase.areas), levels: framework.levels }
}

/**
 * The whole board read from scratch. `watchBoardView` keeps the same reading up to date from each
 * change instead; this is what it must always equal.
 */
export function readBoardView(
  doc: Y.Doc,
  blindDoc: Y.Doc | null,
  personId: string,
  shape: ViewShape,
): BoardView {
  const live = readLive(doc)
  const people = readPeople(doc)
  const ticks = ticksByArea(doc)
  const tallies = new Map<string, AreaTally>()
  const suggestions = new Map<string, LevelSuggestion>()
  for (const area of shape.areas) {
    const tally = areaTallyOf(area, live, ticks.get(area.id), people)
    tallies.set(area.id, tally)
    suggestions.set(area.id, suggestLevel(area, tally, shape.levels))
  }
  return {
    people,
    ticks,
    myTicks: myTicksOf(
      ticksOfPerson(doc, personId),
      blindDoc ? ticksOfPerson(blindDoc, personId) : null,
      live,
    ),
    agreed: readAgreedLevels(doc),
    live,
    sessions: readSessions(doc),
    tallies,
    suggestions,
    recorded: readRecordedParticipants(doc),
    blindProgress: readBlindProgressByArea(doc),
  }
}

/**
 * The person's own ticks as the board holds them, with their private ticks laid over them. A private
 * tick is the newer word only while its area is blind (or, for good, once it has an anonymous round,
 * whose ticks never reach the board). Once the round is revealed the server moves it
 * onto the board; one still here is on its way there, and must not hide a board tick the person made
 * after the reveal (or keep showing after the server decided against it).
 */
export function myTicksOf(
  onBoard: ReadonlyMap<string, Tick>,
  inPrivate: ReadonlyMap<string, Tick> | null,
  live: LiveState,
): Map<string, Tick> {
  const mine = new Map(onBoard)
  for (const [itemId, tick] of inPrivate ?? []) {
    if (areaTicksStayPrivate(live, areaOfItem(itemId))) mine.set(itemId, tick)
  }
  return mine
}

/** An area's tally: the server's counts for an anonymous round, else counted from the board's ticks. */
export function areaTallyOf(
  area: AreaShape,
  live: LiveState,
  ticks: AreaTicks | undefined,
  people: ReadonlyMap<string, Person>,
): AreaTally {
  return areaIsAnonymous(live, area.id)
    ? tallyFromAnonymous(area, live.anonymousCounts.get(area.id) ?? null)
    : tallyArea(area, ticks, people)
}

export function activeSession(view: Pick<BoardView, 'live' | 'sessions'>): Session | null {
  const id = view.live.activeSessionId
  return id ? (view.sessions.find((s) => s.id === id && s.endedAt === null) ?? null) : null
}

export function sameItemTally(a: ItemTally, b: ItemTally): boolean {
  return (
    a.itemId === b.itemId &&
    a.ticked === b.ticked &&
    a.respondents === b.respondents &&
    a.disagreement === b.disagreement &&
    a.byGroup.length === b.byGroup.length &&
    a.byGroup.every((g, i) => {
      const h = b.byGroup[i]
      return (
        h !== undefined && g.group === h.group && g.ticked === h.ticked && g.respondents === h.respondents
      )
    }) &&
    sameItems(a.tickedBy, b.tickedBy)
  )
}

export function sameSuggestion(a: LevelSuggestion, b: LevelSuggestion): boolean {
  return (
    a.level === b.level &&
    a.label === b.label &&
    a.explanation === b.explanation &&
    a.progress.length === b.progress.length &&
    a.progress.every((p, i) => {
      const q = b.progress[i]
      return (
        q !== undefined &&
        p.level === q.level &&
        p.label === q.label &&
        p.inPlace === q.inPlace &&
        p.total === q.total &&
        p.reached === q.reached
      )
    })
  )
}

/**
 * The new reading, with every part that did not change kept as the same object as before: a tick in
 * one area leaves the people, the other areas' ticks and counts and the agreed levels as they were,
 * so the parts of the page that read only those (every comment) are not rendered again.
 */
export function keepUnchanged(previous: BoardView, next: BoardView): BoardView {
  return {
    people: keepMap(previous.people, next.people),
    ticks: keepEntries(previous.ticks, next.ticks, (was, now) =>
      sameEntries(was, now, (a, b) => sameEntries(a, b)) ? was : now,
    ),
    myTicks: keepMap(previous.myTicks, next.myTicks),
    agreed: keepMap(previous.agreed, next.agreed),
    live: next.live,
    sessions: keepList(previous.sessions, next.sessions),
    tallies: keepEntries(previous.tallies, next.tallies, keepTally),
    suggestions: keepEntries(previous.suggestions, next.suggestions, (was, now) =>
      sameSuggestion(was, now) ? was : now,
    ),
    recorded: keepMap(previous.recorded, next.recorded, sameRecorded),
    blindProgress: keepMap(previous.blindProgress, next.blindProgress, sameBlindProgress),
  }
}

// Both are parsed afresh on each read (their codecs check every value), so they compare by value.
export const sameRecorded = (a: RecordedParticipant, b: RecordedParticipant): boolean =>
  a.how === b.how && a.enteredBy === b.enteredBy && a.enteredAt === b.enteredAt
export const sameBlindProgress = (a: BlindProgress, b: BlindProgress): boolean =>
  a.ticked === b.ticked && a.roundStartedAt === b.roundStartedAt && a.at === b.at

/** The earlier tally if nothing in it changed; otherwise the new one, keeping the items that did not. */
export function keepTally(was: AreaTally, now: AreaTally): AreaTally {
  const items = keepEntries(was.items, now.items, (a, b) => (sameItemTally(a, b) ? a : b))
  if (items === was.items && was.areaId === now.areaId && was.respondents === now.respondents) return was
  return items === now.items ? now : { ...now, items }
}
