import type * as Y from 'yjs'
import { areaOfItem } from '../ids.ts'
import type { AnonymousTally } from '../records/anonymousTally.ts'
import { LIVE_KEYS, parseLiveValue, roundOf } from '../records/live.ts'
import type { Person } from '../records/person.ts'
import { isAnonymousRound, isBlind, type Round } from '../records/round.ts'
import { tickKey } from '../records/tick.ts'
import type { StakeholderGroup } from '../roles.ts'
import { liveMap, ticksMap } from '../roots.ts'
import type { AreaShape } from './areaShape.ts'
import { identityOf } from './takingPart.ts'
import { type AreaTally, type ItemTally, tallyArea, tallyItem } from './tallyArea.ts'
import type { AreaTicks } from './ticksByArea.ts'

/**
 * Whether the board keeps this area's private ticks private: while a blind round runs, and for good
 * once an anonymous round has been held on it (its ticks are never put on the board; the counts are).
 */
export function ticksStayPrivate(board: Y.Doc, areaId: string): boolean {
  return isBlind(roundOf(board, areaId)) || hasAnonymousRecord(board, areaId)
}

/** The area's round, if it is (or was) an anonymous one: its ticks are then never on the board. */
export function anonymousRoundOf(board: Y.Doc, areaId: string): Round | null {
  const round = roundOf(board, areaId)
  return round && isAnonymousRound(round) ? round : null
}

/**
 * Whether the area has (or had) an anonymous round, whose ticks must never reach the board: its round
 * says so, or, if a chair has since removed the round, the server's counts still do.
 */
export function hasAnonymousRecord(board: Y.Doc, areaId: string): boolean {
  return anonymousRoundOf(board, areaId) !== null || liveMap(board).has(LIVE_KEYS.tally(areaId))
}

/** The server's counts for an area's anonymous round, or null if it has none (or an unreadable one). */
export function readAnonymousTally(board: Y.Doc, areaId: string): AnonymousTally | null {
  const parsed = parseLiveValue('tally', liveMap(board).get(LIVE_KEYS.tally(areaId)))
  return parsed ?? null
}

/** Gathers one area's ticks from the people's private documents, keyed as `ticksByArea` keys the board's. */
export function privateAreaTicks(
  privateDocs: Iterable<{ personId: string; doc: Y.Doc }>,
  areaId: string,
): AreaTicks {
  const byItem: AreaTicks = new Map()
  for (const { personId, doc } of privateDocs) {
    for (const [key, tick] of ticksMap(doc).entries()) {
      const owned = tickKey.decode(key)
      // A private document holds only its owner's ticks (the write gate sees to it); check anyway.
      if (owned?.personId !== personId || areaOfItem(owned.rest) !== areaId) continue
      const perItem = byItem.get(owned.rest) ?? new Map()
      perItem.set(personId, tick)
      byItem.set(owned.rest, perItem)
    }
  }
  return byItem
}

/**
 * Counts an anonymous round with the board's own rules (tallyArea: who takes part, one person on two
 * devices once) and keeps only the numbers, so nothing in it says who ticked.
 */
export function countAnonymousRound(
  areaId: string,
  ticks: AreaTicks,
  people: ReadonlyMap<string, Person>,
  at: number,
): AnonymousTally {
  // Only ticked items carry counts, so the items ticked are all the area the count needs.
  const area: AreaShape = {
    id: areaId,
    levels: [{ level: '', items: [...ticks.keys()].map((id) => ({ id })) }],
  }
  const tally = tallyArea(area, ticks, people)
  const respondentsByGroup: Record<string, number> = {}
  const items: Record<string, Record<string, number>> = {}
  for (const [itemId, item] of tally.items) {
    const counts: Record<string, number> = {}
    for (const g of item.byGroup) {
      respondentsByGroup[g.group] = g.respondents
      if (g.ticked > 0) counts[g.group] = g.ticked
    }
    if (Object.keys(counts).length > 0) items[itemId] = counts
  }
  return { respondents: tally.respondents, respondentsByGroup, items, at }
}

/** True when two counts say the same (their time aside), so the server writes only what changed. */
export function sameAnonymousCounts(a: AnonymousTally | null, b: AnonymousTally): boolean {
  return a !== null && JSON.stringify({ ...a, at: 0 }) === JSON.stringify({ ...b, at: 0 })
}

/**
 * The counts as the tally every view and report reads, with nobody in `tickedBy`. Groups appear in the
 * assessment's order, as tallyArea orders them.
 */
export function tallyFromAnonymous(
  area: AreaShape,
  counts: AnonymousTally | null,
  groupOrder?: readonly StakeholderGroup[],
): AreaTally {
  // Stand-in people, one per counted person, so tallyItem's own arithmetic (and disagreement) applies.
  const people = new Map<string, Person>()
  const respondents = { all: new Set<string>(), byGroup: new Map<StakeholderGroup, Set<string>>() }
  for (const [group, n] of Object.entries(counts?.respondentsByGroup ?? {})) {
    const set = new Set<string>()
    for (let i = 0; i < n; i++) {
      const id = `${group}#${i}`
      const person = standIn(id, group)
      people.set(id, person)
      // tallyItem knows people by identity (one person on two devices), not by record id.
      set.add(identityOf(person))
      respondents.all.add(identityOf(person))
    }
    respondents.byGroup.set(group, set)
  }
  const items = new Map<string, ItemTally>()
  for (const level of area.levels) {
    for (const item of level.items) {
      const perItem = new Map<string, { ticked: boolean; at: number }>()
      for (const [group, n] of Object.entries(counts?.items[item.id] ?? {}))
        for (let i = 0; i < n; i++) perItem.set(`${group}#${i}`, { ticked: true, at: 0 })
      items.set(item.id, { ...tallyItem(item.id, perItem, people, respondents, groupOrder), tickedBy: [] })
    }
  }
  return { areaId: area.id, respondents: counts?.respondents ?? respondents.all.size, items }
}

function standIn(id: string, group: string): Person {
  return {
    id,
    name: id,
    organisation: id,
    group,
    role: 'participant',
    colour: '#000000',
    joinedAt: 0,
  }
}
