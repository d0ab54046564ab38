import {
  endStoppedSessions,
  keepAttendance,
  observeSessionRewrites,
  recordAttendance,
} from '@co-assess/board-model'
import type * as Y from 'yjs'
import { isSyncContext } from '../syncContext.ts'
import { transactionSource } from '../transactionSource.ts'

/** A loaded board as Hocuspocus holds it: a Y.Doc that knows its connections. */
type BoardDocument = Y.Doc & { getConnections?: () => Array<{ context: unknown }> }

/**
 * Records a person as present in the running session (if there is one) as they connect to the board.
 * The origin is `local`, as for any write the server makes itself, so it is stored and sent out.
 */
export function attendOnConnect(board: Y.Doc, personId: string): void {
  board.transact(() => recordAttendance(board, personId), { source: 'local' })
}

/** Records everyone connected to the board as present: a session just started with them in the room. */
export function attendEveryoneConnected(board: BoardDocument): void {
  board.transact(
    () => {
      for (const personId of connectedPeople(board)) recordAttendance(board, personId)
    },
    { source: 'local' },
  )
}

/** The people connected to a board, by their verified person id (a connection not yet authenticated has none). */
export function connectedPeople(board: BoardDocument): string[] {
  return (board.getConnections?.() ?? []).flatMap((c) =>
    isSyncContext(c.context) && c.context.claims.personId ? [c.context.claims.personId] : [],
  )
}

/**
 * Gives an end to a session that stopped running without one (its end lost to an attendance record
 * written at the same moment; see `endStoppedSessions`). Called whenever the running session changes.
 */
export function endStoppedSessionsOf(board: Y.Doc): void {
  board.transact(() => endStoppedSessions(board, Date.now()), { source: 'local' })
}

/**
 * Keeps the attendance the server recorded when a client (the chair ending the session) writes a
 * session record from a copy that had not received all of it yet.
 */
export function watchAttendance(board: Y.Doc, later: (work: () => void) => void): void {
  observeSessionRewrites(board, ({ sessionId, attendedBefore, origin }) => {
    const source = transactionSource(origin)
    if (source !== 'connection' && source !== 'redis') return
    later(() => board.transact(() => keepAttendance(board, sessionId, attendedBefore), { source: 'local' }))
  })
}
