import {
  type Action,
  keepList,
  keepMap,
  type Moderation,
  type PeerSuggestion,
  type ReviewEvent,
  ROOTS,
  readActions,
  readModeration,
  readPeerSuggestions,
  readReviewLog,
  readThreads,
  sameEntries,
  sameItems,
  type Thread,
} from '@co-assess/board-model'
import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { type DocStore, storeOf } from '../board/docStore.ts'

export interface ConversationView {
  threads: Thread[]
  actions: Action[]
  /** areaId → reviewerId → suggestion */
  peer: Map<string, Map<string, PeerSuggestion>>
  /** commentId → the chair's hiding of it (records/moderation.ts). */
  moderation: Map<string, Moderation>
  /** When the peer review was closed and reopened, and by whom, oldest first. */
  reviewLog: ReviewEvent[]
}

// Both are parsed afresh on each read, so they compare by what changes: a new event each time.
const sameModeration = (a: Moderation, b: Moderation) =>
  a.at === b.at && a.hidden === b.hidden && a.events.length === b.events.length
const sameLog = (a: ReviewEvent[], b: ReviewEvent[]) =>
  a.length === b.length && a.every((e, i) => e.at === b[i]?.at && e.kind === b[i]?.kind)

/**
 * Reads the conversation, keeping every thread, list and map that did not change as the same object,
 * so a tick elsewhere on the board does not re-render every comment.
 */
export function readConversation(doc: Y.Doc, previous: ConversationView | null): ConversationView {
  const read: ConversationView = {
    threads: readThreads(doc),
    actions: readActions(doc),
    peer: readPeerSuggestions(doc),
    moderation: readModeration(doc),
    reviewLog: readReviewLog(doc),
  }
  if (!previous) return read
  const before = new Map(previous.threads.map((t) => [t.id, t]))
  const threads = keepList(
    previous.threads,
    read.threads.map((thread) => {
      const old = before.get(thread.id)
      return old && old.resolved === thread.resolved && sameItems(old.comments, thread.comments)
        ? old
        : thread
    }),
  )
  const actions = keepList(previous.actions, read.actions)
  const peer = keepMap(previous.peer, read.peer, (a, b) => sameEntries(a, b))
  const moderation = keepMap(previous.moderation, read.moderation, sameModeration)
  const reviewLog = sameLog(previous.reviewLog, read.reviewLog) ? previous.reviewLog : read.reviewLog
  if (
    threads === previous.threads &&
    actions === previous.actions &&
    peer === previous.peer &&
    moderation === previous.moderation &&
    reviewLog === previous.reviewLog
  )
    return previous
  return { threads, actions, peer, moderation, reviewLog }
}

const stores = new WeakMap<Y.Doc, DocStore<ConversationView>>()

/**
 * Comments, actions and peer suggestions as plain values, re-read (once per burst) after each change
 * to anything but the ticks.
 * Every thread, comment and area row reads the conversation: they share one reading of the document.
 */
export function useConversation(doc: Y.Doc): ConversationView {
  const store = storeOf(stores, doc, readConversation, { ignores: [ROOTS.ticks] })
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
