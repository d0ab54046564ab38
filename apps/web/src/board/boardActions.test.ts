import { readAgreedLevels, readLive, startBlindRound, ticksOfPerson } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardActions } from './boardActions.ts'

describe('boardActions', () => {
  it('sends ticks for a blind area to the private document and others to the board', () => {
    const doc = new Y.Doc()
    const blindDoc = new Y.Doc()
    const actions = boardActions({ doc, blindDoc }, 'ana1', () => readLive(doc))
    startBlindRound(doc, 'chair1', '1a')
    actions.tick('1a.emerging.1', true)
    actions.tick('2a.emerging.1', true)
    expect([...ticksOfPerson(doc, 'ana1').keys()]).toEqual(['2a.emerging.1'])
    expect([...ticksOfPerson(blindDoc, 'ana1').keys()]).toEqual(['1a.emerging.1'])
  })

  it("stamps a timer with the server's time, not the device's", () => {
    const doc = new Y.Doc()
    const serverNow = Date.UTC(2026, 2, 1, 10, 0, 0)
    const actions = boardActions(
      { doc, blindDoc: null },
      'chair1',
      () => readLive(doc),
      () => serverNow,
    )
    actions.startTimer('1a', 600)
    expect(readLive(doc).timers.get('1a')).toEqual({ startedAt: serverNow, durationSeconds: 600 })
  })

  it('records the agreed level against the running session', () => {
    const doc = new Y.Doc()
    const actions = boardActions({ doc, blindDoc: null }, 'chair1', () => readLive(doc))
    actions.startSession()
    const sessionId = readLive(doc).activeSessionId
    actions.recordLevel('1a', { level: 'developing', rationale: 'Because', dissent: '' })
    expect(readAgreedLevels(doc).get('1a')).toMatchObject({ sessionId, recordedBy: 'chair1' })
  })
})
