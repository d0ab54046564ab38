import { type Person, readLive } from '@co-assess/board-model'
import { useMemo } from 'react'
import { useBoardContext } from '../board/BoardContext.tsx'
import { useConversation } from './useConversation.ts'

/** What the conversation parts share: the plain values, who may write what, and the document to write to. */
export function useTalk() {
  const board = useBoardContext()
  const conversation = useConversation(board.connection.doc)
  const role = board.person.role
  const reviewClosed = board.view.live.reviewClosedAt !== null
  const isReviewer = role === 'peer-reviewer'
  const canComment = board.canWrite || (isReviewer && !reviewClosed)
  const everyone = board.view.people
  const people: Person[] = useMemo(
    () => [...everyone.values()].sort((a, b) => a.name.localeCompare(b.name)),
    [everyone],
  )
  return {
    ...board,
    ...conversation,
    doc: board.connection.doc,
    layer: isReviewer ? ('peer' as const) : ('host' as const),
    canComment,
    isReviewer,
    reviewClosed,
    peopleList: people,
    activeSessionId: () => readLive(board.connection.doc).activeSessionId,
  }
}
