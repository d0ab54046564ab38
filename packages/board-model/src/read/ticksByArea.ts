import type * as Y from 'yjs'
import { areaOfItem } from '../ids.ts'
import { type Tick, tickKey } from '../records/tick.ts'
import { ticksMap } from '../roots.ts'

/** itemId → personId → tick, for one area. */
export type AreaTicks = Map<string, Map<string, Tick>>

/** All ticks grouped by area in one pass over the map, so an area renders without rescanning. */
export function ticksByArea(doc: Y.Doc): Map<string, AreaTicks> {
  const byArea = new Map<string, AreaTicks>()
  for (const [key, tick] of ticksMap(doc).entries()) {
    const owned = tickKey.decode(key)
    if (!owned) continue
    const areaId = areaOfItem(owned.rest)
    let area = byArea.get(areaId)
    if (!area) {
      area = new Map()
      byArea.set(areaId, area)
    }
    let item = area.get(owned.rest)
    if (!item) {
      item = new Map()
      area.set(owned.rest, item)
    }
    item.set(owned.personId, tick)
  }
  return byArea
}

/** The areas a document holds any tick for (a private blind-round document, or the board). */
export function areasTicked(doc: Y.Doc): Set<string> {
  const areas = new Set<string>()
  for (const key of ticksMap(doc).keys()) {
    const owned = tickKey.decode(key)
    if (owned) areas.add(areaOfItem(owned.rest))
  }
  return areas
}

/** One person's own ticks (ticked or explicitly unticked), keyed by item id. */
export function ticksOfPerson(doc: Y.Doc, personId: string): Map<string, Tick> {
  const mine = new Map<string, Tick>()
  for (const [key, tick] of ticksMap(doc).entries()) {
    const owned = tickKey.decode(key)
    if (owned?.personId === personId) mine.set(owned.rest, tick)
  }
  return mine
}
