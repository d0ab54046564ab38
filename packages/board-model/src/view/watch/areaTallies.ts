import type { AreaShape } from '../../read/areaShape.ts'
import { type LevelSuggestion, suggestLevel } from '../../read/suggestLevel.ts'
import {
  type AreaRespondents,
  type AreaTally,
  areaRespondents,
  type ItemTally,
  tallyItem,
} from '../../read/tallyArea.ts'
import { areaIsAnonymous } from '../../records/live.ts'
import {
  areaTallyOf,
  type BoardView,
  keepTally,
  sameItemTally,
  sameSuggestion,
  type ViewShape,
} from '../boardView.ts'
import { sameRespondentCounts } from './sameRespondentCounts.ts'

type Counted = Pick<BoardView, 'tallies' | 'suggestions'>
type Counting = Pick<BoardView, 'people' | 'ticks' | 'live'>

/** Each area's tally and suggested level, counted again only where a change reaches them. */
export interface AreaTallies {
  /** Starts again from a whole reading: who ticked where, and each area's respondents. */
  startFrom(reading: BoardView): void
  /** Someone has a tick in an area: their joining or changing group counts it again. */
  noteArea(who: string, areaId: string): void
  /**
   * The tallies and suggestions for `now`: the areas with changed `items`, every area a `touched`
   * person ticked in, and, if the live settings changed, the areas whose round moved. Maps and areas
   * that did not change stay `view`'s own.
   */
  count(view: BoardView, now: Counting, items: Map<string, Set<string>>, touched: Set<string>): Counted
}

export function watchAreaTallies(shape: ViewShape): AreaTallies {
  const areas = new Map<string, AreaShape>(shape.areas.map((area) => [area.id, area]))
  const itemIdsOf = new Map<string, string[]>(
    shape.areas.map((area) => [area.id, area.levels.flatMap((level) => level.items.map((item) => item.id))]),
  )
  /** Areas each person has ticked in (never forgotten, so at worst an area is counted again for nothing). */
  const areasOfPerson = new Map<string, Set<string>>()
  const respondents = new Map<string, AreaRespondents>()

  const noteArea = (who: string, areaId: string) => {
    let set = areasOfPerson.get(who)
    if (!set) {
      set = new Set()
      areasOfPerson.set(who, set)
    }
    set.add(areaId)
  }

  /** One area's tally again: only its changed items, unless the number of respondents in a group moved. */
  const retally = (area: AreaShape, was: AreaTally, now: Counting, changedItems: Set<string> | 'all') => {
    const ticks = now.ticks.get(area.id)
    const counts = areaRespondents(ticks, now.people)
    const before = respondents.get(area.id)
    respondents.set(area.id, counts)
    const itemIds =
      changedItems !== 'all' && before && sameRespondentCounts(before, counts)
        ? changedItems
        : (itemIdsOf.get(area.id) ?? [])
    let items: Map<string, ItemTally> | null = null
    for (const itemId of itemIds) {
      const old = was.items.get(itemId)
      if (!old) continue // a tick on an item the framework does not have is not counted
      const tally = tallyItem(itemId, ticks?.get(itemId), now.people, counts)
      if (sameItemTally(old, tally)) continue
      items ??= new Map(was.items)
      items.set(itemId, tally)
    }
    if (!items && was.respondents === counts.all.size) return was
    return { areaId: was.areaId, respondents: counts.all.size, items: items ?? was.items }
  }

  const countTicked = (
    view: BoardView,
    now: Counting,
    out: Counted,
    toCount: Map<string, Set<string> | 'all'>,
  ) => {
    for (const [areaId, changedItems] of toCount) {
      const area = areas.get(areaId)
      const was = out.tallies.get(areaId)
      // An anonymous round's area is counted by the server, not from the board's ticks (countRounds).
      if (!area || !was || areaIsAnonymous(now.live, areaId)) continue
      const tally = retally(area, was, now, changedItems)
      if (tally !== was) putTally(out, view, area, tally, shape)
    }
  }

  /**
   * A round started or ended, or the server's counts moved: every area whose tally source or counts
   * may have changed is read again whole, keeping each item that did not change.
   */
  const countRounds = (view: BoardView, now: Counting, out: Counted) => {
    for (const area of shape.areas) {
      const wasAnonymous = areaIsAnonymous(view.live, area.id)
      const nowAnonymous = areaIsAnonymous(now.live, area.id)
      if (!wasAnonymous && !nowAnonymous) continue
      const sameCounts = view.live.anonymousCounts.get(area.id) === now.live.anonymousCounts.get(area.id)
      if (wasAnonymous && nowAnonymous && sameCounts) continue
      const was = out.tallies.get(area.id)
      const counted = areaTallyOf(area, now.live, now.ticks.get(area.id), now.people)
      if (!nowAnonymous) respondents.set(area.id, areaRespondents(now.ticks.get(area.id), now.people))
      const tally = was ? keepTally(was, counted) : counted
      if (tally !== was) putTally(out, view, area, tally, shape)
    }
  }

  return {
    startFrom(reading) {
      areasOfPerson.clear()
      for (const [areaId, area] of reading.ticks) {
        for (const perItem of area.values()) for (const who of perItem.keys()) noteArea(who, areaId)
      }
      respondents.clear()
      for (const area of shape.areas)
        respondents.set(area.id, areaRespondents(reading.ticks.get(area.id), reading.people))
    },
    noteArea,
    count(view, now, items, touched) {
      const out: Counted = { tallies: view.tallies, suggestions: view.suggestions }
      const toCount = new Map<string, Set<string> | 'all'>(items)
      for (const who of touched) for (const areaId of areasOfPerson.get(who) ?? []) toCount.set(areaId, 'all')
      countTicked(view, now, out, toCount)
      if (now.live !== view.live) countRounds(view, now, out)
      return out
    },
  }
}

/** Sets an area's new tally, and its suggestion if that moved, copying `view`'s maps the first time. */
function putTally(out: Counted, view: Counted, area: AreaShape, tally: AreaTally, shape: ViewShape) {
  if (out.tallies === view.tallies) out.tallies = new Map(out.tallies)
  out.tallies.set(area.id, tally)
  const suggestion: LevelSuggestion = suggestLevel(area, tally, shape.levels)
  const before = out.suggestions.get(area.id)
  if (before && sameSuggestion(before, suggestion)) return
  if (out.suggestions === view.suggestions) out.suggestions = new Map(out.suggestions)
  out.suggestions.set(area.id, suggestion)
}
