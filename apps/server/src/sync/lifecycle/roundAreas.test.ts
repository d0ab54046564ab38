import { setTick, startAnonymousRound, startBlindRound } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anonymousAreasOf } from './anonymousCounts.ts'
import { blindAreasOf } from './blindProgressCounts.ts'

describe('the areas a private document is counted again for', () => {
  const board = new Y.Doc()
  startBlindRound(board, 'chair1', '1a', 1)
  startAnonymousRound(board, 'chair1', '2a', 1)
  const privateDoc = new Y.Doc()
  for (const itemId of ['1a.emerging.1', '2a.emerging.1', '3a.emerging.1'])
    setTick(privateDoc, 'ana1', itemId, true, 2)

  it('counts a blind round only for the areas the person ticked in that are blind now', () => {
    expect(blindAreasOf(board, privateDoc)).toEqual(['1a'])
  })

  it('counts an anonymous round only for the areas the person ticked in that are anonymous now', () => {
    expect(anonymousAreasOf(board, privateDoc)).toEqual(['2a'])
  })
})
