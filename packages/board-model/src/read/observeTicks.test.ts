import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { serverOrigin } from '../origins.ts'
import { tickKey } from '../records/tick.ts'
import { ticksMap } from '../roots.ts'
import { setTick } from '../write/ticks.ts'
import { observeTicks, type TickChange } from './observeTicks.ts'

describe('observeTicks', () => {
  it('gives each transaction’s ticks decoded, with its origin, and a deleted tick as undefined', () => {
    const doc = new Y.Doc()
    const heard: Array<[TickChange[], unknown]> = []
    const stop = observeTicks(doc, (changes, origin) => heard.push([changes, origin]))
    setTick(doc, 'ana1', '1a.emerging.1', true, 5)
    const origin = serverOrigin('test')
    doc.transact(() => {
      ticksMap(doc).delete(tickKey('ana1', '1a.emerging.1'))
      ticksMap(doc).set(tickKey('ben1', '2b.developing.2'), { ticked: false, at: 6 })
      // A key that names no person's item is skipped, not guessed at.
      ticksMap(doc).set('no-owner', { ticked: true, at: 6 })
    }, origin)
    expect(heard).toHaveLength(2)
    expect(heard[0]![0]).toEqual([
      { personId: 'ana1', itemId: '1a.emerging.1', tick: { ticked: true, at: 5 } },
    ])
    expect(heard[1]![1]).toBe(origin)
    expect(heard[1]![0]).toEqual(
      expect.arrayContaining([
        { personId: 'ana1', itemId: '1a.emerging.1', tick: undefined },
        { personId: 'ben1', itemId: '2b.developing.2', tick: { ticked: false, at: 6 } },
      ]),
    )
    expect(heard[1]![0]).toHaveLength(2)
    stop()
    setTick(doc, 'ana1', '1a.emerging.2', true)
    expect(heard).toHaveLength(2)
  })

  it('hears only the origins it accepts', () => {
    const doc = new Y.Doc()
    const news = serverOrigin('news')
    const heard: TickChange[][] = []
    observeTicks(
      doc,
      (changes) => heard.push(changes),
      (origin) => origin === news,
    )
    setTick(doc, 'ana1', '1a.emerging.1', true)
    doc.transact(() => ticksMap(doc).set(tickKey('ben1', '1a.emerging.1'), { ticked: true, at: 1 }), news)
    expect(heard.map((changes) => changes.map((c) => c.personId))).toEqual([['ben1']])
  })
})
