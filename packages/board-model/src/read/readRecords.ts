import type * as Y from 'yjs'
import type { Action } from '../records/action.ts'
import type { AgreedLevel } from '../records/agreedLevel.ts'
import type { Comment } from '../records/comment.ts'
import { type PeerSuggestion, peerKey } from '../records/peerSuggestion.ts'
import type { Person } from '../records/person.ts'
import type { Session } from '../records/session.ts'
import type { ThreadState } from '../records/thread.ts'
import { actionsMap, agreedMap, commentsMap, peerMap, peopleMap, sessionsMap, threadsMap } from '../roots.ts'

export const readPeople = (doc: Y.Doc): Map<string, Person> => new Map(peopleMap(doc).entries())
export const readAgreedLevels = (doc: Y.Doc): Map<string, AgreedLevel> => new Map(agreedMap(doc).entries())
export const readActions = (doc: Y.Doc): Action[] =>
  [...actionsMap(doc).values()].sort((a, b) => a.createdAt - b.createdAt)
export const readSessions = (doc: Y.Doc): Session[] =>
  [...sessionsMap(doc).values()].sort((a, b) => a.startedAt - b.startedAt)
/** One comment as the board holds it (hidden comments with their words taken off), if it is there. */
export const readComment = (doc: Y.Doc, commentId: string): Comment | undefined =>
  commentsMap(doc).get(commentId)
export const readThreadStates = (doc: Y.Doc): Map<string, ThreadState> => new Map(threadsMap(doc).entries())

export interface Thread {
  id: string
  anchor: Comment['anchor']
  layer: Comment['layer']
  comments: Comment[]
  resolved: boolean
}

/** Comments grouped into threads, oldest first; a thread takes its anchor and layer from its first comment. */
export function readThreads(doc: Y.Doc): Thread[] {
  const states = threadsMap(doc)
  const byThread = new Map<string, Comment[]>()
  for (const comment of commentsMap(doc).values()) {
    const list = byThread.get(comment.threadId) ?? []
    list.push(comment)
    byThread.set(comment.threadId, list)
  }
  const threads: Thread[] = []
  for (const [id, comments] of byThread) {
    comments.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    const first = comments.find((c) => c.id === id) ?? comments[0]!
    threads.push({
      id,
      anchor: first.anchor,
      layer: first.layer,
      comments,
      resolved: states.get(id)?.resolved ?? false,
    })
  }
  // Ties on the clock (two threads started in the same millisecond) fall back to the id, so every
  // client lists threads in the same order whatever order its map happened to receive them in.
  return threads.sort(
    (a, b) => a.comments[0]!.createdAt - b.comments[0]!.createdAt || a.id.localeCompare(b.id),
  )
}

/** Peer suggestions per area: areaId → reviewerId → suggestion. */
export function readPeerSuggestions(doc: Y.Doc): Map<string, Map<string, PeerSuggestion>> {
  const byArea = new Map<string, Map<string, PeerSuggestion>>()
  for (const [key, suggestion] of peerMap(doc).entries()) {
    const owned = peerKey.decode(key)
    if (!owned) continue
    const area = byArea.get(owned.rest) ?? new Map()
    area.set(owned.personId, suggestion)
    byArea.set(owned.rest, area)
  }
  return byArea
}
