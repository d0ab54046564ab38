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

const GROUP_ORDER: StakeholderGroup[] = ['ics', 'vcse', 'lived-experience', 'peer-reviewer']

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
  const respondentsByGroup = new Map<StakeholderGroup, Set<string>>()
  const respondents = new Set<string>()
  for (const perItem of ticks?.values() ?? []) {
    for (const personId of perItem.keys()) {
      const person = people.get(personId)
      if (!person) continue
      respondents.add(personId)
      const set = respondentsByGroup.get(person.group) ?? new Set()
      set.add(personId)
      respondentsByGroup.set(person.group, set)
    }
  }
  const items = new Map<string, ItemTally>()
  for (const level of area.levels) {
    for (const item of level.items) {
      const perItem = ticks?.get(item.id)
      const tickedBy = [...(perItem?.entries() ?? [])]
        .filter(([personId, tick]) => tick.ticked && people.has(personId))
        .map(([personId]) => personId)
      const byGroup: GroupCount[] = []
      for (const group of GROUP_ORDER) {
        const groupRespondents = respondentsByGroup.get(group)
        if (!groupRespondents) continue
        const ticked = tickedBy.filter((id) => groupRespondents.has(id)).length
        byGroup.push({ group, ticked, respondents: groupRespondents.size })
      }
      const sides = new Set(byGroup.map((g) => g.ticked * 2 >= g.respondents && g.ticked > 0))
      items.set(item.id, {
        itemId: item.id,
        ticked: tickedBy.length,
        respondents: respondents.size,
        byGroup,
        disagreement: byGroup.length > 1 && sides.size > 1,
        tickedBy,
      })
    }
  }
  return { areaId: area.id, respondents: respondents.size, items }
}
