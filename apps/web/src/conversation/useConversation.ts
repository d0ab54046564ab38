import {
  type Action,
  type PeerSuggestion,
  readActions,
  readPeerSuggestions,
  readThreads,
  type Thread,
} from '@co-assess/board-model'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

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

/** Comments, actions and peer suggestions as plain values, re-read (once per burst) after each change. */
export function useConversation(doc: Y.Doc): ConversationView {
  const [view, setView] = useState(() => read(doc))
  useEffect(() => {
    let pending = false
    const reread = () => {
      if (pending) return
      pending = true
      queueMicrotask(() => {
        pending = false
        setView(read(doc))
      })
    }
    reread()
    doc.on('update', reread)
    return () => doc.off('update', reread)
  }, [doc])
  return view
}
