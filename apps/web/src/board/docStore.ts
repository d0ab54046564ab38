import { changedOnly, type MapRootName } from '@co-assess/board-model'
import type * as Y from 'yjs'

/** A plain-value reading of a Yjs document, shared by every component that reads it. */
export interface DocStore<T> {
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => T
}

/** Reads the document; given the previous reading, it may keep the parts that did not change. */
export type Read<T> = (doc: Y.Doc, previous: T | null) => T

export interface DocStoreOptions {
  /**
   * Roots of the board the reading never looks at (the ticks, for the conversation): a change
   * only to them leaves the reading as it is, so a workshop's stream of ticks does not make every
   * reader read all the comments again.
   */
  ignores?: readonly MapRootName[]
}

/**
 * One reading of a document for all its readers (for `useSyncExternalStore`): the document is read
 * again only when a reader asks after a change, and readers hear of a burst of changes (the first
 * sync of a large board, a reconnect) once, in a microtask after it. Without this every component
 * that reads the document would read all of it itself after every update.
 *
 * The store watches the document for as long as the document lives, so a reading is never stale
 * even while no component is subscribed.
 */
export function docStore<T>(doc: Y.Doc, read: Read<T>, options: DocStoreOptions = {}): DocStore<T> {
  const listeners = new Set<() => void>()
  let snapshot: T | null = null
  let stale = true
  let pending = false
  const notify = () => {
    pending = false
    for (const listener of [...listeners]) listener()
  }
  const ignored = options.ignores ?? []
  // 'afterTransaction' names the types each change touched, and costs Yjs nothing to emit ('update'
  // makes it encode every change, 850 KB for the first sync of a finished board).
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (changedOnly(transaction, ignored)) return
    stale = true
    if (pending) return
    pending = true
    queueMicrotask(notify)
  })
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot() {
      if (stale || snapshot === null) {
        snapshot = read(doc, snapshot)
        stale = false
      }
      return snapshot
    },
  }
}

/** The one store of this kind for a document, made on first use. */
export function storeOf<T>(
  cache: WeakMap<Y.Doc, DocStore<T>>,
  doc: Y.Doc,
  read: Read<T>,
  options: DocStoreOptions = {},
): DocStore<T> {
  let store = cache.get(doc)
  if (!store) {
    store = docStore(doc, read, options)
    cache.set(doc, store)
  }
  return store
}
