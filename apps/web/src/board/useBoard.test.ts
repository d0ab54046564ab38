import { keepUnchanged, serverOrigin, setTick } from '@co-assess/board-model'
import { peopleMap } from '@co-assess/board-model/roots'
import { person, readTwoAreaBoard } from '@co-assess/board-model/test/boardViewFixture'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'

const readBoardView = readTwoAreaBoard

describe('keepUnchanged', () => {
  it('keeps what a tick did not touch and takes what it did', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      peopleMap(doc).set('ana1', person('ana1'))
      peopleMap(doc).set('ben1', person('ben1'))
    }, serverOrigin('test'))
    setTick(doc, 'ana1', '1a.emerging.1', true)
    setTick(doc, 'ben1', '2a.emerging.1', true)
    const before = readBoardView(doc, null, 'ana1')
    setTick(doc, 'ben1', '2a.emerging.2', true)
    const after = keepUnchanged(before, readBoardView(doc, null, 'ana1'))
    expect(after.people).toBe(before.people)
    expect(after.agreed).toBe(before.agreed)
    expect(after.myTicks).toBe(before.myTicks)
    expect(after.ticks.get('1a')).toBe(before.ticks.get('1a'))
    expect(after.ticks.get('2a')).not.toBe(before.ticks.get('2a'))
    expect(after.ticks.get('2a')?.get('2a.emerging.2')?.get('ben1')?.ticked).toBe(true)
    expect(after.ticks).not.toBe(before.ticks)
    expect(after.tallies.get('1a')).toBe(before.tallies.get('1a'))
    expect(after.suggestions.get('1a')).toBe(before.suggestions.get('1a'))
    expect(after.tallies.get('2a')).not.toBe(before.tallies.get('2a'))
    expect(after.tallies.get('2a')?.items.get('2a.emerging.2')?.ticked).toBe(1)
    // Ben's first item is counted as before: he was already a respondent in 2a.
    expect(after.tallies.get('2a')?.items.get('2a.emerging.1')).toBe(
      before.tallies.get('2a')?.items.get('2a.emerging.1'),
    )
  })

  it('keeps the whole reading of ticks when nothing in it changed', () => {
    const doc = new Y.Doc()
    setTick(doc, 'ana1', '1a.emerging.1', true)
    const before = readBoardView(doc, null, 'ana1')
    doc.transact(() => peopleMap(doc).set('cat1', person('cat1')), serverOrigin('test'))
    const after = keepUnchanged(before, readBoardView(doc, null, 'ana1'))
    expect(after.ticks).toBe(before.ticks)
    expect(after.tallies).toBe(before.tallies)
    expect(after.suggestions).toBe(before.suggestions)
    expect(after.people).not.toBe(before.people)
    expect(after.people.has('cat1')).toBe(true)
  })
})
