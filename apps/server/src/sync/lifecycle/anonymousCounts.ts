import {
  anonymousRoundOf,
  areasTicked,
  countAnonymousRound,
  privateAreaTicks,
  readAnonymousTally,
  readPeople,
  sameAnonymousCounts,
  setAnonymousTally,
} from '@co-assess/board-model'
import type * as Y from 'yjs'
import type { BoardWrite } from './boardWrite.ts'
import type { PrivateDocuments } from './privateDocuments.ts'
import type { TaskQueue } from './taskQueue.ts'

/**
 * Counts an area's anonymous round from everyone's private documents and writes the counts to the
 * board if they changed: only the counts, by group, so no one's ticks leave their document. `final`
 * is the count as the chair ends the round; after that the counts stay.
 */
export type CountAnonymous = (assessmentId: string, areaId: string, final?: boolean) => void

export function anonymousCounts(deps: {
  queue: TaskQueue
  privateDocs: PrivateDocuments
  write: BoardWrite
}): CountAnonymous {
  /** The area's counts now; null if it has no round to count, or the board holds these counts already. */
  const countNow = async (assessmentId: string, areaId: string, final: boolean) => {
    const board = await deps.privateDocs.peek(assessmentId)
    try {
      const round = anonymousRoundOf(board.doc, areaId)
      if (round?.mode !== 'anonymous' && !(final && round?.mode === 'anonymous-ended')) return null
      const privateDocs = await deps.privateDocs.peekAll(assessmentId)
      let counted: ReturnType<typeof countAnonymousRound>
      try {
        const ticks = privateAreaTicks(privateDocs, areaId)
        counted = countAnonymousRound(areaId, ticks, readPeople(board.doc), Date.now())
      } finally {
        for (const d of privateDocs) d.release()
      }
      return sameAnonymousCounts(readAnonymousTally(board.doc, areaId), counted) ? null : counted
    } finally {
      board.release()
    }
  }
  return (assessmentId, areaId, final = false) =>
    deps.queue.enqueue(assessmentId, async () => {
      const counted = await countNow(assessmentId, areaId, final)
      if (counted) await deps.write(assessmentId, (board) => setAnonymousTally(board, areaId, counted))
    })
}

/** Areas in a running anonymous round on the board that this private document holds ticks for. */
export function anonymousAreasOf(board: Y.Doc, privateDoc: Y.Doc): string[] {
  return [...areasTicked(privateDoc)].filter(
    (areaId) => anonymousRoundOf(board, areaId)?.mode === 'anonymous',
  )
}
