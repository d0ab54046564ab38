import { describe, expect, it } from 'vitest'
import type { AreaTicks } from '../../read/ticksByArea.ts'
import { type Tick, tickKey } from '../../records/tick.ts'
import { applyTickChanges } from './tickChanges.ts'

const yes: Tick = { ticked: true, at: 1 }
const no: Tick = { ticked: false, at: 2 }

/** Ticks by area as a whole reading holds them, from [personId, itemId, tick] triples. */
function byArea(ticks: Array<[string, string, Tick]>): Map<string, AreaTicks> {
  const out = new Map<string, AreaTicks>()
  for (const [who, itemId, tick] of ticks) {
    const areaId = itemId.split('.')[0] ?? ''
    const area = out.get(areaId) ?? new Map()
    out.set(areaId, area)
    const perItem = area.get(itemId) ?? new Map()
    area.set(itemId, perItem)
    perItem.set(who, tick)
  }
  return out
}

function source(ticks: Array<[string, string, Tick]>) {
  return new Map(ticks.map(([who, itemId, tick]) => [tickKey(who, itemId), tick]))
}

describe('applyTickChanges', () => {
  const before: Array<[string, string, Tick]> = [
    ['ana1', '1a.emerging.1', yes],
    ['ben1', '1a.emerging.1', yes],
    ['ana1', '1a.emerging.2', yes],
    ['ana1', '2a.emerging.1', yes],
  ]

  it('copies only the area and item a change reaches, and says which item changed', () => {
    const ticks = byArea(before)
    const seen: unknown[] = []
    const now = source(before)
    now.set(tickKey('ben1', '1a.emerging.1'), no)
    const result = applyTickChanges(ticks, [tickKey('ben1', '1a.emerging.1')], now, (...args) =>
      seen.push(args),
    )
    expect(result.ticks).not.toBe(ticks)
    expect(result.ticks.get('2a')).toBe(ticks.get('2a'))
    expect(result.ticks.get('1a')?.get('1a.emerging.2')).toBe(ticks.get('1a')?.get('1a.emerging.2'))
    expect(result.ticks.get('1a')?.get('1a.emerging.1')?.get('ben1')).toBe(no)
    expect(ticks.get('1a')?.get('1a.emerging.1')?.get('ben1')).toBe(yes)
    expect([...result.items]).toEqual([['1a', new Set(['1a.emerging.1'])]])
    expect(seen).toEqual([['ben1', '1a', '1a.emerging.1', no]])
  })

  it('gives the same map for keys that hold what it holds, or are not tick keys', () => {
    const ticks = byArea(before)
    const result = applyTickChanges(
      ticks,
      [tickKey('ana1', '1a.emerging.1'), 'not-a-key'],
      source(before),
      () => {
        throw new Error('nothing changed')
      },
    )
    expect(result.ticks).toBe(ticks)
    expect(result.items.size).toBe(0)
  })

  it('drops an item and an area whose last tick is deleted, as a whole reading has none', () => {
    const ticks = byArea(before)
    const now = source(before.filter(([who, itemId]) => !(who === 'ana1' && itemId !== '1a.emerging.1')))
    const keys = [tickKey('ana1', '1a.emerging.2'), tickKey('ana1', '2a.emerging.1')]
    const result = applyTickChanges(ticks, keys, now, () => undefined)
    expect([...result.ticks.keys()]).toEqual(['1a'])
    expect([...(result.ticks.get('1a')?.keys() ?? [])]).toEqual(['1a.emerging.1'])
    expect(ticks.get('2a')?.size).toBe(1)
  })
})
