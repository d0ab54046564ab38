import {
  type Action,
  type PeerSuggestion,
  readActions,
  readPeerSuggestions,
  readThreads,
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
}

const read = (doc: Y.Doc): ConversationView => ({
  threads: readThreads(doc),
  actions: readActions(doc),
  peer: readPeerSuggestions(doc),
})

const stores = new WeakMap<Y.Doc, DocStore<ConversationView>>()

/**
 * Comments, actions and peer suggestions as plain values, re-read (once per burst) after each change.
 * Every thread, comment and area row reads the conversation: they share one reading of the document.
 */
export function useConversation(doc: Y.Doc): ConversationView {
  const store = storeOf(stores, doc, read)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
