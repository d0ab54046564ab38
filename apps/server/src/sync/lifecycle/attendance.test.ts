import {
  activeSessionOf,
  endSession,
  readSessions,
  recordAttendance,
  startSession,
} from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  attendEveryoneConnected,
  connectedPeople,
  endStoppedSessionsOf,
  watchAttendance,
} from './attendance.ts'

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

  it('gives an end to a session whose end was lost to an attendance record written at the same moment', () => {
    // The server's copy and the chair's, in step; the server's client id is the higher, so Yjs keeps
    // its value when both write one session record at once.
    const server = new Y.Doc()
    server.clientID = 2
    const chair = new Y.Doc()
    chair.clientID = 1
    const sync = (from: Y.Doc, to: Y.Doc) =>
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
    const id = startSession(chair, 'chair1', 1)
    sync(chair, server)
    endSession(chair, 'chair1', 5)
    recordAttendance(server, 'ana1')
    sync(chair, server)
    sync(server, chair)
    // The attendance won: the session is no longer running and has no end, on both copies.
    expect(activeSessionOf(server)).toBeNull()
    expect(readSessions(server).find((s) => s.id === id)?.endedAt).toBeNull()

    endStoppedSessionsOf(server)
    sync(server, chair)
    for (const doc of [server, chair]) {
      const session = readSessions(doc).find((s) => s.id === id)
      expect(session?.endedAt).not.toBeNull()
      expect(session?.attendance).toEqual(['chair1', 'ana1'])
    }
    // A running session is left alone.
    const next = startSession(chair, 'chair1', 10)
    sync(chair, server)
    endStoppedSessionsOf(server)
    expect(readSessions(server).find((s) => s.id === next)?.endedAt).toBeNull()
  })

  it('puts back the attendance a chair’s copy had not received when it ended the session', () => {
    const server = new Y.Doc()
    server.clientID = 1
    const chair = new Y.Doc()
    chair.clientID = 2
    const work: Array<() => void> = []
    watchAttendance(server, (job) => work.push(job))
    const sync = (from: Y.Doc, to: Y.Doc, origin?: unknown) =>
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), origin)
    const id = startSession(chair, 'chair1', 1)
    sync(chair, server, { source: 'connection' })
    recordAttendance(server, 'ana1')
    // The chair ends the session before Ana's attendance reaches it; its record wins and drops her.
    endSession(chair, 'chair1', 5)
    sync(chair, server, { source: 'connection' })
    expect(readSessions(server).find((s) => s.id === id)?.attendance).toEqual(['chair1'])
    expect(work).toHaveLength(1)
    for (const job of work.splice(0)) job()
    sync(server, chair)
    for (const doc of [server, chair]) {
      expect(readSessions(doc).find((s) => s.id === id)).toMatchObject({
        endedAt: 5,
        attendance: ['chair1', 'ana1'],
      })
    }
    // The server's own write (putting Ana back) is not watched in turn.
    expect(work).toHaveLength(0)
  })
})
