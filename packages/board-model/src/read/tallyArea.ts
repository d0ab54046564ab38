import type { StakeholderGroup } from '../roles.ts'
import type { Person } from '../values.ts'
import type { AreaShape } from './areaShape.ts'
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
  tickedBy: string[]
}

export interface AreaTally {
  areaId: string
  respondents: number
  items: Map<string, ItemTally>
}

/** The people who ticked anything in an area (and are on the board), all and by group. */
export interface AreaRespondents {
  all: Set<string>
  byGroup: Map<StakeholderGroup, Set<string>>
}

const GROUP_ORDER: StakeholderGroup[] = ['ics', 'vcse', 'lived-experience', 'peer-reviewer']

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
      if (!person) continue
      all.add(personId)
      const set = byGroup.get(person.group) ?? new Set()
      set.add(personId)
      byGroup.set(person.group, set)
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
  perItem: ReadonlyMap<string, { ticked: boolean }> | undefined,
  people: ReadonlyMap<string, Person>,
  respondents: AreaRespondents,
): ItemTally {
  const tickedBy = [...(perItem?.entries() ?? [])]
    .filter(([personId, tick]) => tick.ticked && people.has(personId))
    .map(([personId]) => personId)
  const byGroup: GroupCount[] = []
  for (const group of GROUP_ORDER) {
    const groupRespondents = respondents.byGroup.get(group)
    if (!groupRespondents) continue
    const ticked = tickedBy.filter((id) => groupRespondents.has(id)).length
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
 * Peer reviewers and observers never tick, so they are not counted.
 */
export function tallyArea(
  area: AreaShape,
  ticks: AreaTicks | undefined,
  people: ReadonlyMap<string, Person>,
): AreaTally {
  const respondents = areaRespondents(ticks, people)
  const items = new Map<string, ItemTally>()
  for (const level of area.levels) {
    for (const item of level.items) {
      items.set(item.id, tallyItem(item.id, ticks?.get(item.id), people, respondents))
    }
  }
  return { areaId: area.id, respondents: respondents.all.size, items }
}
