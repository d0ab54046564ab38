import { DEFAULT_GROUPS } from '../groups.ts'
import type { StakeholderGroup } from '../roles.ts'
import type { Person, Tick } from '../values.ts'
import type { AreaShape } from './areaShape.ts'
import { identityOf, takesPart } from './takingPart.ts'
import type { AreaTicks } from './ticksByArea.ts'

export interface GroupCount {
  group: StakeholderGroup
  /** People of this group who ticked the item. */
  ticked: number
  /** People of this group who ticked anything in the area: the ones whose view we know. */
  respondents: number
}

export interface ItemTally {
  itemId: string
  ticked: number
  respondents: number
  byGroup: GroupCount[]
  /** Groups on different sides of half: one mostly says "in place", another mostly does not. */
  disagreement: boolean
  /** Person ids, one per person: of someone on two devices, the device whose tick is latest. */
  tickedBy: string[]
}

export interface AreaTally {
  areaId: string
  respondents: number
  items: Map<string, ItemTally>
}

/**
 * The people who ticked anything in an area (and are on the board and take part), all and by group,
 * as identities (see identityOf), so one person on two devices is one respondent.
 */
export interface AreaRespondents {
  all: Set<string>
  byGroup: Map<StakeholderGroup, Set<string>>
}

// Peer reviewers are not a group in the room: takesPart leaves them out of every count.
const DEFAULT_ORDER: readonly StakeholderGroup[] = DEFAULT_GROUPS.map((g) => g.id)

/** The groups with respondents, in the assessment's order; any group not in it (since removed) after. */
function inOrder(
  present: Iterable<StakeholderGroup>,
  order: readonly StakeholderGroup[],
): StakeholderGroup[] {
  const rank = (g: StakeholderGroup) => {
    const i = order.indexOf(g)
    return i === -1 ? order.length : i
  }
  return [...present].sort((a, b) => rank(a) - rank(b))
}

/**
 * Only people who ticked something in the area count as respondents, so someone who never looked at
 * an area does not read as "not in place". Ticks by someone not (yet) on the board do not count.
 */
export function areaRespondents(
  ticks: AreaTicks | undefined,
  people: ReadonlyMap<string, Person>,
): AreaRespondents {
  const byGroup = new Map<StakeholderGroup, Set<string>>()
  const all = new Set<string>()
  for (const perItem of ticks?.values() ?? []) {
    for (const personId of perItem.keys()) {
      const person = people.get(personId)
      if (!person || !takesPart(person)) continue
      const who = identityOf(person)
      all.add(who)
      // takesPart means the person has a group.
      const group = person.group as StakeholderGroup
      const set = byGroup.get(group) ?? new Set()
      set.add(who)
      byGroup.set(group, set)
    }
  }
  return { all, byGroup }
}

/**
 * One item's count, given the area's respondents. It depends only on the item's own ticks, the
 * groups of the people who ticked it and the number of respondents per group, so an item whose ticks
 * did not change keeps its count while those numbers stay the same.
 */
export function tallyItem(
  itemId: string,
  perItem: ReadonlyMap<string, Pick<Tick, 'ticked' | 'at'>> | undefined,
  people: ReadonlyMap<string, Person>,
  respondents: AreaRespondents,
  /** The assessment's group ids in the order its tallies show them (readGroups); the defaults if not given. */
  groupOrder: readonly StakeholderGroup[] = DEFAULT_ORDER,
): ItemTally {
  // A person on two devices may have ticked on one and unticked on the other: the latest says what they think now.
  const latest = new Map<string, { personId: string; ticked: boolean; at: number }>()
  for (const [personId, tick] of perItem ?? []) {
    const person = people.get(personId)
    if (!person || !takesPart(person)) continue
    const who = identityOf(person)
    const seen = latest.get(who)
    if (!seen || tick.at > seen.at) latest.set(who, { personId, ticked: tick.ticked, at: tick.at })
  }
  const tickedWho = [...latest].filter(([, t]) => t.ticked)
  const tickedBy = tickedWho.map(([, t]) => t.personId)
  const byGroup: GroupCount[] = []
  for (const group of inOrder(respondents.byGroup.keys(), groupOrder)) {
    const groupRespondents = respondents.byGroup.get(group)
    if (!groupRespondents) continue
    const ticked = tickedWho.filter(([who]) => groupRespondents.has(who)).length
    byGroup.push({ group, ticked, respondents: groupRespondents.size })
  }
  const sides = new Set(byGroup.map((g) => g.ticked * 2 >= g.respondents && g.ticked > 0))
  return {
    itemId,
    ticked: tickedBy.length,
    respondents: respondents.all.size,
    byGroup,
    disagreement: byGroup.length > 1 && sides.size > 1,
    tickedBy,
  }
}

/**
 * Counts ticks per item split by stakeholder group. Only people who ticked something in the area
 * count as respondents, so someone who never looked at an area does not read as "not in place".
 * Peer reviewers and observers are never counted (takesPart), and one person on two devices counts once.
 */
export function tallyArea(
  area: AreaShape,
  ticks: AreaTicks | undefined,
  people: ReadonlyMap<string, Person>,
  groupOrder: readonly StakeholderGroup[] = DEFAULT_ORDER,
): AreaTally {
  const respondents = areaRespondents(ticks, people)
  const items = new Map<string, ItemTally>()
  for (const level of area.levels) {
    for (const item of level.items) {
      items.set(item.id, tallyItem(item.id, ticks?.get(item.id), people, respondents, groupOrder))
    }
  }
  return { areaId: area.id, respondents: respondents.all.size, items }
}
