import { activeSessionOf, readSessions, startSession } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { attendEveryoneConnected, connectedPeople } from './attendance.ts'

/** A board as Hocuspocus holds it, with connections whose context is what onAuthenticate left. */
function boardWith(contexts: unknown[]) {
  return Object.assign(new Y.Doc(), { getConnections: () => contexts.map((context) => ({ context })) })
}

const context = (personId: string) => ({ claims: { personId }, documentKind: 'board' })

describe('attendance', () => {
  it('knows the people connected by their verified id, not connections still authenticating', () => {
    expect(connectedPeople(boardWith([context('ana1'), {}, null, context('ben1')]))).toEqual(['ana1', 'ben1'])
    expect(connectedPeople(new Y.Doc())).toEqual([])
  })

  it('records everyone connected as present in the session that just started', () => {
    const board = boardWith([context('ana1'), context('ben1')])
    startSession(board, 'chair1', 1)
    attendEveryoneConnected(board)
    const session = readSessions(board).find((s) => s.id === activeSessionOf(board))
    expect(session?.attendance).toEqual(['chair1', 'ana1', 'ben1'])
  })
})
