import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tickKey } from '../records/tick.ts'
import { ticksMap } from '../roots.ts'
import { mergeBlindTicks, mergeSettledTicks, settledPrivateAreas } from './server.ts'
import { revealBlindRound, startBlindRound } from './session.ts'
import { setTick } from './ticks.ts'

function setup() {
  const board = new Y.Doc()
  const privateDoc = new Y.Doc()
  startBlindRound(board, 'chair1', '1a', 10)
  startBlindRound(board, 'chair1', '2a', 10)
  setTick(privateDoc, 'ana1', '1a.emerging.1', true, 20)
  setTick(privateDoc, 'ana1', '2a.emerging.1', true, 20)
  setTick(privateDoc, 'ana1', '3a.emerging.1', true, 20)
  return { board, privateDoc }
}

describe('moving private ticks onto the board', () => {
  it('moves only areas the board no longer keeps blind, and clears them from the private document', () => {
    const { board, privateDoc } = setup()
    revealBlindRound(board, 'chair1', '1a', 30)
    // 2a is still blind; 3a was never blind (a tick routed privately by a client that was behind).
    expect([...settledPrivateAreas(board, privateDoc, 'ana1')].sort()).toEqual(['1a', '3a'])
    expect(mergeSettledTicks(board, privateDoc, 'ana1')).toBe(2)
    expect([...ticksMap(board).keys()].sort()).toEqual([
      tickKey('ana1', '1a.emerging.1'),
      tickKey('ana1', '3a.emerging.1'),
    ])
    expect([...ticksMap(privateDoc).keys()]).toEqual([tickKey('ana1', '2a.emerging.1')])
    expect(settledPrivateAreas(board, privateDoc, 'ana1').size).toBe(0)
  })

  it('keeps a newer board tick over a late private one, but still clears the private one', () => {
    const { board, privateDoc } = setup()
    revealBlindRound(board, 'chair1', '1a', 30)
    setTick(board, 'ana1', '1a.emerging.1', false, 40)
    expect(mergeBlindTicks(board, privateDoc, 'ana1', '1a')).toBe(0)
    expect(ticksMap(board).get(tickKey('ana1', '1a.emerging.1'))?.ticked).toBe(false)
    expect(ticksMap(privateDoc).has(tickKey('ana1', '1a.emerging.1'))).toBe(false)
  })

  it('ignores ticks in the private document that belong to someone else', () => {
    const { board, privateDoc } = setup()
    setTick(privateDoc, 'ben1', '3a.emerging.2', true, 20)
    expect(mergeSettledTicks(board, privateDoc, 'ana1')).toBe(1)
    expect(ticksMap(board).has(tickKey('ben1', '3a.emerging.2'))).toBe(false)
  })
})
