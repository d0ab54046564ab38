import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { commentsMap, noteFragment, ROOTS, ticksMap } from '../roots.ts'
import { setTick } from '../write/ticks.ts'
import { changedOnly } from './changedOnly.ts'

describe('changedOnly', () => {
  it('tells a transaction that touched only the named roots from one that touched anything else', () => {
    const doc = new Y.Doc()
    const seen: boolean[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) =>
      seen.push(changedOnly(transaction, [ROOTS.ticks])),
    )
    setTick(doc, 'ana1', '1a.emerging.1', true)
    doc.transact(() => {
      ticksMap(doc).delete('ana1/1a.emerging.1')
      commentsMap(doc).delete('c1')
    })
    doc.transact(() => {
      ticksMap(doc).set('ana1/1a.emerging.2', { ticked: true, at: 1 })
      commentsMap(doc).set('c1', { id: 'c1' } as never)
    })
    doc.transact(() => noteFragment(doc, '1a').insert(0, [new Y.XmlText('x')]))
    // The second transaction deleted a tick and a comment that was never there: only the tick changed.
    expect(seen).toEqual([true, true, false, false])
  })

  it('finds a root that arrived from another client before this one asked for it', () => {
    const other = new Y.Doc()
    setTick(other, 'ana1', '1a.emerging.1', true)
    const doc = new Y.Doc()
    const seen: boolean[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) =>
      seen.push(changedOnly(transaction, [ROOTS.ticks])),
    )
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    expect(seen).toEqual([true])
    expect(ticksMap(doc).size).toBe(1)
  })
})
