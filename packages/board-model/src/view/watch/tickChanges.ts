import { areaOfItem } from '../../ids.ts'
import type { AreaTicks } from '../../read/ticksByArea.ts'
import { type Tick, tickKey } from '../../records/tick.ts'

/** Called for each tick key whose value changed: who ticked, where, and the tick now (none if deleted). */
export type SeenTick = (who: string, areaId: string, itemId: string, now: Tick | undefined) => void

/**
 * The ticks by area with the changed tick keys (`${personId}/${itemId}`) read again from `source` (the
 * board's ticks map). Copies only the areas and items a change reaches, so the rest stay the same
 * objects; gives `ticks` itself if nothing changed. `items` holds the items changed in each area.
 */
export function applyTickChanges(
  ticks: Map<string, AreaTicks>,
  keys: Iterable<string>,
  source: { get(key: string): Tick | undefined },
  seen: SeenTick,
): { ticks: Map<string, AreaTicks>; items: Map<string, Set<string>> } {
  const items = new Map<string, Set<string>>()
  const next = new CopyOnWrite(ticks)
  for (const key of keys) {
    const owned = tickKey.decode(key)
    if (!owned) continue
    const { personId: who, rest: itemId } = owned
    const areaId = areaOfItem(itemId)
    const now = source.get(key)
    if (now === next.ticks.get(areaId)?.get(itemId)?.get(who)) continue
    const perItem = next.item(areaId, itemId)
    if (now === undefined) perItem.delete(who)
    else perItem.set(who, now)
    let changedItems = items.get(areaId)
    if (!changedItems) {
      changedItems = new Set()
      items.set(areaId, changedItems)
    }
    changedItems.add(itemId)
    seen(who, areaId, itemId, now)
  }
  dropEmpty(next.ticks, items)
  return { ticks: next.ticks, items }
}

/** The ticks by area, copied level by level the first time a change reaches each. */
class CopyOnWrite {
  ticks: Map<string, AreaTicks>
  readonly #original: Map<string, AreaTicks>
  readonly #copied = new Set<AreaTicks | Map<string, Tick>>()

  constructor(ticks: Map<string, AreaTicks>) {
    this.ticks = ticks
    this.#original = ticks
  }

  /** An item's ticks by person, safe to change. */
  item(areaId: string, itemId: string): Map<string, Tick> {
    if (this.ticks === this.#original) this.ticks = new Map(this.ticks)
    let area = this.ticks.get(areaId)
    if (!area || !this.#copied.has(area)) {
      area = new Map(area)
      this.#copied.add(area)
      this.ticks.set(areaId, area)
    }
    let perItem = area.get(itemId)
    if (!perItem || !this.#copied.has(perItem)) {
      perItem = new Map(perItem)
      this.#copied.add(perItem)
      area.set(itemId, perItem)
    }
    return perItem
  }
}

/** A full reading holds no empty item or area (they come from ticks), so neither does this one. */
function dropEmpty(ticks: Map<string, AreaTicks>, items: Map<string, Set<string>>) {
  for (const [areaId, changedItems] of items) {
    const area = ticks.get(areaId)
    if (!area) continue
    for (const itemId of changedItems) if (area.get(itemId)?.size === 0) area.delete(itemId)
    if (area.size === 0) ticks.delete(areaId)
  }
}
