import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeStoredUpdates } from './mergeStoredUpdates.ts'

function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

function stateOf(update: Uint8Array | null): unknown {
  const doc = new Y.Doc()
  if (update) Y.applyUpdate(doc, update)
  return { ticks: doc.getMap('ticks').toJSON(), notes: doc.getXmlFragment('notes').toString() }
}

describe('mergeStoredUpdates', () => {
  it('returns null for nothing stored and the part itself for one part', () => {
    expect(mergeStoredUpdates([])).toBeNull()
    const only = new Uint8Array([0, 0])
    expect(mergeStoredUpdates([only])).toBe(only)
  })

  it('holds every change of a snapshot and the log after it, deletions included', () => {
    const source = new Y.Doc()
    source.getMap('ticks').set('anne/1a.emerging.1', { at: 1 })
    const snapshot = Y.encodeStateAsUpdate(source)
    const log = recordUpdates(source)
    source.getMap('ticks').set('bob/1a.emerging.2', { at: 2 })
    source.getMap('ticks').delete('anne/1a.emerging.1')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Minutes of the March meeting')])
    source.getXmlFragment('notes').insert(0, [paragraph])

    const merged = mergeStoredUpdates([snapshot, ...log])
    expect(stateOf(merged)).toEqual(stateOf(Y.encodeStateAsUpdate(source)))
    expect(stateOf(merged)).toMatchObject({ ticks: { 'bob/1a.emerging.2': { at: 2 } } })
  })

  it('keeps an update whose earlier changes are missing, so it applies once they arrive', () => {
    const source = new Y.Doc()
    const updates = recordUpdates(source)
    const text = source.getText('rationale')
    text.insert(0, 'Agreed ')
    text.insert(7, 'at Developing')
    const [first, second] = updates as [Uint8Array, Uint8Array]

    // The second insert depends on the first; stored alone it must survive the merge as pending.
    const merged = mergeStoredUpdates([second, new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc()))])
    const reader = new Y.Doc()
    Y.applyUpdate(reader, merged!)
    expect(reader.getText('rationale').toString()).toBe('')
    Y.applyUpdate(reader, first)
    expect(reader.getText('rationale').toString()).toBe('Agreed at Developing')
  })

  it('gives the same state whatever order the log parts come in', () => {
    const source = new Y.Doc()
    const updates = recordUpdates(source)
    for (let i = 0; i < 50; i++) source.getMap('ticks').set(`p${i % 5}/item${i % 7}`, { at: i })
    const forwards = mergeStoredUpdates(updates)
    const backwards = mergeStoredUpdates([...updates].reverse())
    expect(stateOf(backwards)).toEqual(stateOf(forwards))
    expect(stateOf(forwards)).toEqual(stateOf(Y.encodeStateAsUpdate(source)))
  })
})
