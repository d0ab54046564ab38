import { ROOTS } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docStore, storeOf } from './docStore.ts'

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve))

describe('docStore', () => {
  it('reads the document once for every reader until it changes', () => {
    const doc = new Y.Doc()
    let reads = 0
    const store = docStore(doc, (d) => {
      reads += 1
      return d.getMap('m').size
    })
    expect(store.getSnapshot()).toBe(0)
    expect(store.getSnapshot()).toBe(0)
    expect(reads).toBe(1)
    doc.getMap('m').set('a', 1)
    expect(store.getSnapshot()).toBe(1)
    expect(reads).toBe(2)
  })

  it('tells its readers of a burst of updates once, after it', async () => {
    const doc = new Y.Doc()
    const store = docStore(doc, (d) => d.getMap('m').toJSON())
    let heard = 0
    const off = store.subscribe(() => {
      heard += 1
    })
    for (let i = 0; i < 50; i++) doc.getMap('m').set(`k${i}`, i)
    expect(heard).toBe(0)
    await flush()
    expect(heard).toBe(1)
    expect(Object.keys(store.getSnapshot())).toHaveLength(50)
    off()
    doc.getMap('m').set('later', 1)
    await flush()
    expect(heard).toBe(1)
  })

  it('keeps the same snapshot object while nothing changes, even unwatched', () => {
    const doc = new Y.Doc()
    const store = docStore(doc, (d) => ({ size: d.getMap('m').size }))
    const first = store.getSnapshot()
    expect(store.getSnapshot()).toBe(first)
    doc.getMap('m').set('a', 1)
    expect(store.getSnapshot()).not.toBe(first)
    expect(store.getSnapshot().size).toBe(1)
  })

  it('is not read again, nor are its readers told, after a change only to what it ignores', async () => {
    const doc = new Y.Doc()
    let reads = 0
    const store = docStore(
      doc,
      (d) => {
        reads += 1
        return d.getMap('comments').size
      },
      { ignores: [ROOTS.ticks] },
    )
    let heard = 0
    store.subscribe(() => {
      heard += 1
    })
    expect(store.getSnapshot()).toBe(0)
    for (let i = 0; i < 20; i++) doc.getMap('ticks').set(`t${i}`, true)
    doc.getMap('ticks').delete('t0')
    await flush()
    expect(heard).toBe(0)
    expect(store.getSnapshot()).toBe(0)
    expect(reads).toBe(1)
    // A change to anything else, alone or in the same transaction as a tick, is read.
    doc.transact(() => {
      doc.getMap('ticks').set('t99', true)
      doc.getMap('comments').set('c1', 'hello')
    })
    await flush()
    expect(heard).toBe(1)
    expect(store.getSnapshot()).toBe(1)
    doc.getMap('comments').delete('c1')
    await flush()
    expect(heard).toBe(2)
    expect(store.getSnapshot()).toBe(0)
    expect(reads).toBe(3)
  })

  it('makes one store per document', () => {
    const cache = new WeakMap()
    const doc = new Y.Doc()
    const read = () => 1
    expect(storeOf(cache, doc, read)).toBe(storeOf(cache, doc, read))
    expect(storeOf(cache, new Y.Doc(), read)).not.toBe(storeOf(cache, doc, read))
  })
})
