import { type Moderation, type Person, readLive } from '@co-assess/board-model'
import { useCallback, useMemo } from 'react'
import type * as Y from 'yjs'
import { apiFetch } from '../api/apiFetch.ts'
import { useBoardContext } from '../board/BoardContext.tsx'
import { useAnonymousName } from './useAnonymousName.ts'
import { useConversation } from './useConversation.ts'

/**
 * What a thread and its comments need, kept as the same object while none of it changes, so that the
 * board's other changes (ticks, presence, the connection's state) do not render every comment again.
 */
export interface ThreadTalk {
  doc: Y.Doc
  personId: string
  canComment: boolean
  canWrite: boolean
  isReviewer: boolean
  layer: 'peer' | 'host'
  people: Map<string, Person>
  peopleList: Person[]
  /** A participant's name for comments posted without their name, once known; null otherwise. */
  alias: string | null
  /** The writer's group, which an anonymous comment shows. */
  group: string
  assessmentId: string
  /** Chairs (facilitating or not) hide comments and make anyone's comment an action. */
  isChair: boolean
  /** commentId → the chair's hiding of it. */
  moderation: Map<string, Moderation>
  /** Hides (with a reason) or shows again a comment, through the server; resolves once it is done. */
  moderate: (commentId: string, hide: { reason: string } | null) => Promise<void>
}

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
  const doc = board.connection.doc
  const layer = isReviewer ? ('peer' as const) : ('host' as const)
  const personId = board.person.id
  const canWrite = board.canWrite
  const alias = useAnonymousName()
  // Someone with no group (an observer, a peer reviewer, a facilitator) has none to post under.
  const group = board.person.group ?? ''
  const isChair = board.isChair
  const moderation = conversation.moderation
  const { keeper } = board
  const assessmentId = board.assessment.id
  const moderate = useCallback(
    async (commentId: string, hide: { reason: string } | null) => {
      const path = `/api/assessments/${encodeURIComponent(assessmentId)}/comments/${encodeURIComponent(commentId)}`
      await apiFetch(hide ? `${path}/hide` : `${path}/show`, {
        method: 'POST',
        token: await keeper.token(),
        ...(hide ? { body: hide } : {}),
      })
    },
    [assessmentId, keeper],
  )
  const thread: ThreadTalk = useMemo(
    () => ({
      doc,
      personId,
      canComment,
      canWrite,
      isReviewer,
      layer,
      people: everyone,
      peopleList: people,
      alias,
      group,
      assessmentId,
      isChair,
      moderation,
      moderate,
    }),
    [
      doc,
      personId,
      canComment,
      canWrite,
      isReviewer,
      layer,
      everyone,
      people,
      alias,
      group,
      assessmentId,
      isChair,
      moderation,
      moderate,
    ],
  )
  return {
    ...board,
    ...conversation,
    doc,
    layer,
    canComment,
    isReviewer,
    reviewClosed,
    peopleList: people,
    thread,
    alias,
    activeSessionId: () => readLive(board.connection.doc).activeSessionId,
  }
}
