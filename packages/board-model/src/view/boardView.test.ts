import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { person, readTwoAreaBoard } from '../../test/boardViewFixture.ts'
import {
  blindDocumentName,
  endAnonymousRound,
  revealBlindRound,
  serverOrigin,
  setAnonymousTally,
  setTick,
  startAnonymousRound,
  startBlindRound,
  startSession,
} from '../index.ts'
import { areaIsAnonymous, areaIsBlind } from '../records/live.ts'
import { peopleMap } from '../roots.ts'
import { activeSession } from './boardView.ts'

const readBoardView = readTwoAreaBoard

function board() {
  const doc = new Y.Doc()
  doc.transact(() => {
    peopleMap(doc).set('ana1', person('ana1', 'ics'))
    peopleMap(doc).set('ben1', person('ben1', 'vcse'))
  }, serverOrigin('test'))
  return doc
}

describe('readBoardView', () => {
  it('reads people, ticks by area and this person’s own ticks', () => {
    const doc = board()
    setTick(doc, 'ana1', '1a.emerging.1', true)
    setTick(doc, 'ben1', '1a.emerging.1', false)
    setTick(doc, 'ben1', '2a.emerging.1', true)
    const view = readBoardView(doc, null, 'ana1')
    expect(view.people.size).toBe(2)
    expect([...view.ticks.keys()].sort()).toEqual(['1a', '2a'])
    expect([...view.myTicks.entries()].map(([id, t]) => [id, t.ticked])).toEqual([['1a.emerging.1', true]])
  })

  it('lays private blind-round ticks over the board’s', () => {
    const doc = board()
    const blind = new Y.Doc({ guid: blindDocumentName('assess1', 'ana1') })
    setTick(doc, 'ana1', '1a.emerging.1', true)
    startBlindRound(doc, 'chair1', '1a')
    setTick(blind, 'ana1', '1a.emerging.1', false)
    setTick(blind, 'ana1', '1a.emerging.2', true)
    const view = readBoardView(doc, blind, 'ana1')
    expect(view.myTicks.get('1a.emerging.1')?.ticked).toBe(false)
    expect(view.myTicks.get('1a.emerging.2')?.ticked).toBe(true)
    expect(areaIsBlind(view.live, '1a')).toBe(true)
    expect(areaIsBlind(view.live, '1b')).toBe(false)
    // Nobody else's view of the board holds the private ticks.
    expect(readBoardView(doc, null, 'ben1').ticks.get('1a')?.get('1a.emerging.2')).toBeUndefined()
  })

  it('shows an anonymous round’s counts from the server, with nobody in them, and the person’s own private ticks', () => {
    const doc = board()
    const mine = new Y.Doc({ guid: blindDocumentName('assess1', 'ana1') })
    // A named board tick from before the round no longer counts for the area.
    setTick(doc, 'ben1', '1a.emerging.2', true)
    startAnonymousRound(doc, 'chair1', '1a')
    setTick(mine, 'ana1', '1a.emerging.1', true)
    setAnonymousTally(doc, '1a', {
      respondents: 2,
      respondentsByGroup: { ics: 1, vcse: 1 },
      items: { '1a.emerging.1': { ics: 1, vcse: 1 } },
      at: 1,
    })
    const view = readBoardView(doc, mine, 'ana1')
    expect(areaIsAnonymous(view.live, '1a')).toBe(true)
    expect(view.myTicks.get('1a.emerging.1')?.ticked).toBe(true)
    const first = view.tallies.get('1a')?.items.get('1a.emerging.1')
    expect(first).toMatchObject({ ticked: 2, respondents: 2, tickedBy: [] })
    expect(view.tallies.get('1a')?.items.get('1a.emerging.2')?.ticked).toBe(0)
    // Once it ends the counts stay, and the person's private tick still shows as theirs.
    endAnonymousRound(doc, 'chair1', '1a')
    const after = readBoardView(doc, mine, 'ana1')
    expect(after.tallies.get('1a')?.items.get('1a.emerging.1')?.ticked).toBe(2)
    expect(after.myTicks.get('1a.emerging.1')?.ticked).toBe(true)
  })

  it('shows the board’s tick, not a leftover private one, once the round is revealed', () => {
    const doc = board()
    const blind = new Y.Doc({ guid: blindDocumentName('assess1', 'ana1') })
    startBlindRound(doc, 'chair1', '1a')
    setTick(blind, 'ana1', '1a.emerging.1', true, 100)
    revealBlindRound(doc, 'chair1', '1a', 200)
    // After the reveal the person unticks on the board; the private tick has not been merged yet.
    setTick(doc, 'ana1', '1a.emerging.1', false, 300)
    expect(readBoardView(doc, blind, 'ana1').myTicks.get('1a.emerging.1')?.ticked).toBe(false)
  })

  it('counts every framework area, ticked or not, and suggests a level for each', () => {
    const doc = board()
    setTick(doc, 'ana1', '1a.emerging.1', true)
    setTick(doc, 'ben1', '1a.emerging.1', true)
    setTick(doc, 'ben1', '1a.emerging.2', true)
    const view = readBoardView(doc, null, 'ana1')
    expect([...view.tallies.keys()]).toEqual(['1a', '2a'])
    expect(view.tallies.get('1a')?.items.get('1a.emerging.1')?.ticked).toBe(2)
    expect(view.tallies.get('2a')?.respondents).toBe(0)
    expect(view.suggestions.get('1a')?.level).toBe('emerging')
    expect(view.suggestions.get('2a')?.level).toBeNull()
  })

  it('finds the running session', () => {
    const doc = board()
    expect(activeSession(readBoardView(doc, null, 'ana1'))).toBeNull()
    const id = startSession(doc, 'chair1')
    expect(activeSession(readBoardView(doc, null, 'ana1'))?.id).toBe(id)
  })
})
