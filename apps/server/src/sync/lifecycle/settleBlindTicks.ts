import { mergeSettledTicks, parseDocumentName, settledPrivateAreas } from '@co-assess/board-model'
import type { Hocuspocus } from '@hocuspocus/server'
import type { PrivateDocuments } from './privateDocuments.ts'

/** A private document holding ticks for areas the board no longer keeps blind. */
interface Due {
  name: string
  personId: string
}

export interface SettleBlindTicks {
  /**
   * Moves private ticks onto the board for every area the board does not keep blind, from the named
   * private documents; resolves to the number of ticks moved. The reveal calls this, and so do a board
   * load and any accepted private update: a tick that reached the server after the reveal, or a
   * reveal whose merge a restart cut short, still ends up on the board.
   */
  settle(assessmentId: string, privateNames: Iterable<string>): Promise<number>
  /** `settle` over every private document of the assessment. */
  settleAll(assessmentId: string): Promise<number>
}

export function settleBlindTicks(deps: {
  hocuspocus: () => Hocuspocus
  flush: (documentName: string) => Promise<void>
  privateDocs: PrivateDocuments
}): SettleBlindTicks {
  /** The private documents with something to move, found by peeking, so nothing is loaded for nothing. */
  const findDue = async (assessmentId: string, privateNames: Iterable<string>) => {
    const due: Due[] = []
    const board = await deps.privateDocs.peek(assessmentId)
    try {
      for (const name of privateNames) {
        const target = parseDocumentName(name)
        if (target?.kind !== 'blind' || target.assessmentId !== assessmentId) continue
        const privateDoc = await deps.privateDocs.peek(name)
        try {
          if (settledPrivateAreas(board.doc, privateDoc.doc, target.personId).size > 0)
            due.push({ name, personId: target.personId })
        } finally {
          privateDoc.release()
        }
      }
    } finally {
      board.release()
    }
    return due
  }

  /**
   * Moves the ticks through direct connections, so connected clients receive the change and it is
   * stored; the board and each private document change together.
   */
  const move = async (assessmentId: string, due: Due[]) => {
    const hocuspocus = deps.hocuspocus()
    let moved = 0
    const boardConnection = await hocuspocus.openDirectConnection(assessmentId)
    try {
      for (const { name, personId } of due) {
        const privateConnection = await hocuspocus.openDirectConnection(name)
        try {
          await boardConnection.transact((boardDoc) => {
            // The private document changes in its own transaction; the direct connection marks it local.
            // The round is read again here, from the live board, so a round restarted since the peek stays blind.
            void privateConnection.transact((privateDoc) => {
              moved += mergeSettledTicks(boardDoc, privateDoc, personId)
            })
          })
        } finally {
          await privateConnection.disconnect()
        }
      }
    } finally {
      await boardConnection.disconnect()
    }
    return moved
  }

  const settle = async (assessmentId: string, privateNames: Iterable<string>) => {
    const due = await findDue(assessmentId, privateNames)
    if (due.length === 0) return 0
    const moved = await move(assessmentId, due)
    await Promise.all([deps.flush(assessmentId), ...due.map(({ name }) => deps.flush(name))])
    return moved
  }

  return {
    settle,
    settleAll: async (assessmentId) => settle(assessmentId, await deps.privateDocs.namesOf(assessmentId)),
  }
}
