import {
  areasTicked,
  countWhoTicked,
  isBlind,
  privateAreaTicks,
  readBlindProgress,
  readPeople,
  roundOf,
  setBlindProgress,
} from '@co-assess/board-model'
import type * as Y from 'yjs'
import type { BoardWrite } from './boardWrite.ts'
import type { PrivateDocuments } from './privateDocuments.ts'
import type { TaskQueue } from './taskQueue.ts'

/**
 * Counts how many people have ticked an area in its blind round, from their private documents, and
 * writes the number to the board if it changed (`records/blindProgress.ts`). Only the number: who and
 * what stay private, and the chair sees "4 of 7".
 */
export type CountBlind = (assessmentId: string, areaId: string) => void

export function blindProgressCounts(deps: {
  queue: TaskQueue
  privateDocs: PrivateDocuments
  write: BoardWrite
}): CountBlind {
  /** The area's count now; null if it has no blind round, or the board holds this number already. */
  const countNow = async (assessmentId: string, areaId: string) => {
    const board = await deps.privateDocs.peek(assessmentId)
    try {
      const round = roundOf(board.doc, areaId)
      if (!round || !isBlind(round)) return null
      const privateDocs = await deps.privateDocs.peekAll(assessmentId)
      let ticked: number
      try {
        ticked = countWhoTicked(privateAreaTicks(privateDocs, areaId), readPeople(board.doc))
      } finally {
        for (const d of privateDocs) d.release()
      }
      const progress = { ticked, roundStartedAt: round.startedAt, at: Date.now() }
      return readBlindProgress(board.doc, areaId, round)?.ticked === ticked ? null : progress
    } finally {
      board.release()
    }
  }

  const waiting = new Set<string>()
  return (assessmentId, areaId) => {
    // A burst of private ticks needs one count, not one each: a count still waiting in the queue reads
    // the documents as they are when it runs, so it covers every tick made before then.
    const key = `${assessmentId}\u0000${areaId}`
    if (waiting.has(key)) return
    waiting.add(key)
    deps.queue.enqueue(assessmentId, async () => {
      waiting.delete(key)
      const progress = await countNow(assessmentId, areaId)
      if (progress) await deps.write(assessmentId, (board) => setBlindProgress(board, areaId, progress))
    })
  }
}

/** Areas in a running blind round on the board that this private document holds ticks for. */
export function blindAreasOf(board: Y.Doc, privateDoc: Y.Doc): string[] {
  return [...areasTicked(privateDoc)].filter((areaId) => isBlind(roundOf(board, areaId)))
}
