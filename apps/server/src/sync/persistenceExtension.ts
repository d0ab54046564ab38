import type { DocumentStore } from '@co-assess/storage'
import type {
  afterLoadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { holdBroadcasts } from './broadcastHold.ts'
import { transactionSource } from './transactionSource.ts'

/**
 * Compact a document's log into a snapshot once it holds this many updates. It also bounds what one
 * damaged frame can hide: only updates after the last snapshot can depend on it. A snapshot of a
 * finished board is a few megabytes, written at most once per store (every 2 to 10 s while busy).
 */
export const COMPACT_AFTER = 200

/** How often a snapshot holding a server write the store refused is tried again. */
const RETRY_UNSAVED_MS = 2000

const isLocal = (origin: unknown) => transactionSource(origin) === 'local'

export interface Persistence extends Extension {
  /**
   * Resolves when every server-side write made so far to these documents is durable; rejects with the
   * store's error if one could not be stored, so whoever made it (a join, an import) is told.
   */
  flush(documentName?: string): Promise<void>
}

/**
 * Loads and compacts documents, and stores the writes the server makes itself (through direct
 * connections) as they happen, holding their broadcast until they are; `flush` awaits them. Clients'
 * updates are stored by the write gate, before they are applied.
 */
export function persistenceExtension(deps: { documents: DocumentStore; log: Logger }): Persistence {
  const pending = new Map<string, Set<Promise<void>>>()
  /**
   * Documents holding a server write the store refused, with the error. The write is in memory only;
   * the next store of the document writes a whole snapshot, which carries it, and until then
   * `flush` reports the failure.
   */
  const unsaved = new Map<string, { error: unknown; document: Y.Doc }>()

  /**
   * For each document in `unsaved`: resolves once its snapshot is stored (the board's broadcasts wait
   * for it), and a timer that tries again meanwhile, so the board does not wait for its next change.
   */
  const savedAgain = new Map<string, { saved: Promise<void>; resolve: () => void; retry: NodeJS.Timeout }>()
  const whenSaved = (name: string): Promise<void> => savedAgain.get(name)?.saved ?? Promise.resolve()
  const markUnsaved = (name: string, error: unknown, document: Y.Doc) => {
    unsaved.set(name, { error, document })
    if (savedAgain.has(name)) return
    let resolve: () => void = () => undefined
    const saved = new Promise<void>((done) => {
      resolve = done
    })
    const retry = setInterval(() => retryUnsaved(name).catch(() => undefined), RETRY_UNSAVED_MS)
    retry.unref()
    savedAgain.set(name, { saved, resolve, retry })
  }

  /** Stores a whole snapshot of a document holding a refused server write, if the store takes it now. */
  const retryUnsaved = async (name: string) => {
    const held = unsaved.get(name)
    if (!held) return
    try {
      await deps.documents.compact(name, Y.encodeStateAsUpdate(held.document))
    } catch (error) {
      held.error = error
      throw error
    }
    if (unsaved.get(name) !== held) return
    unsaved.delete(name)
    const waiting = savedAgain.get(name)
    savedAgain.delete(name)
    if (waiting) {
      clearInterval(waiting.retry)
      waiting.resolve()
    }
    deps.log.info({ documentName: name }, 'stored the server writes that could not be stored before')
  }

  const track = (name: string, write: Promise<void>, document: Y.Doc) => {
    const set = pending.get(name) ?? new Set()
    pending.set(name, set)
    const tracked = write
      .catch((error: unknown) => {
        markUnsaved(name, error, document)
        deps.log.error(
          { err: error, documentName: name },
          'could not store a server write; it is kept in memory and stored with the next snapshot',
        )
      })
      .finally(() => {
        set.delete(tracked)
        if (set.size === 0) pending.delete(name)
      })
    set.add(tracked)
  }

  return {
    extensionName: 'co-assess-persistence',
    priority: 800,
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      const stored = await deps.documents.loadDocument(documentName)
      if (!stored) return
      // Applied here rather than returned for Hocuspocus to apply, so that nothing can come between
      // the apply and the seed: the bytes are the new document's whole state, the very reply its first
      // reader needs (when its reply is cached: wholeStateReplyExtension.ts).
      applyLoaded(document, stored)
      document.seedWholeStateReply(stored)
    },
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      // The server's own writes (direct connections, origin `local`) are appended from the update
      // event itself, in the turn they are made, so their broadcast can be held until they are
      // stored. Clients' updates (and the claims on their client ids) were stored by the write gate
      // before they were applied; updates from other instances by those instances.
      // The hold starts with the transaction, before Hocuspocus can send what it writes (a large
      // change is sent at once); a transaction that changed nothing releases it when all are done.
      const holds = new Map<Y.Transaction, () => void>()
      document.on('beforeTransaction', (transaction: Y.Transaction) => {
        if (isLocal(transaction.origin)) holds.set(transaction, holdBroadcasts(document))
      })
      document.on(
        'update',
        (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
          if (!isLocal(origin)) return
          const release = holds.get(transaction) ?? (() => undefined)
          holds.delete(transaction)
          const write = deps.documents.appendUpdate(documentName, update)
          track(documentName, write, document)
          // A write the store refused is sent out only once a snapshot holding it is stored.
          write.then(release, () => whenSaved(documentName).then(release))
        },
      )
      document.on('afterAllTransactions', () => {
        for (const release of holds.values()) release()
        holds.clear()
      })
      // A crash skips the debounced store, so a board written to steadily and killed again and again
      // would replay a longer log at every start. Compacting what was just loaded bounds that; it runs
      // beside the first sync rather than in front of it.
      if ((await deps.documents.logLength(documentName)) < COMPACT_AFTER) return
      track(documentName, deps.documents.compact(documentName, Y.encodeStateAsUpdate(document)), document)
    },
    async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
      await Promise.all(pending.get(documentName) ?? [])
      if (unsaved.has(documentName)) return retryUnsaved(documentName)
      const length = await deps.documents.logLength(documentName)
      // When the last person has left, any log is folded into the snapshot: the board then opens from
      // one stored part, with no merge in front of the first person back (BENCHMARKS.md, cold open).
      const leaving = document.getConnectionsCount() === 0
      if (length === 0 || (length < COMPACT_AFTER && !leaving)) return
      await deps.documents.compact(documentName, Y.encodeStateAsUpdate(document))
    },
    async flush(documentName?: string) {
      const names = documentName ? [documentName] : [...new Set([...pending.keys(), ...unsaved.keys()])]
      await Promise.all(names.flatMap((name) => [...(pending.get(name) ?? [])]))
      // A write refused earlier is tried again (as a snapshot) before anyone is told all is stored.
      for (const name of names) await retryUnsaved(name)
    },
    async onDestroy() {
      for (const { retry } of savedAgain.values()) clearInterval(retry)
    },
  }
}

/**
 * Applies a document's stored state as it is loaded, without Yjs encoding it again for the 'update'
 * listeners. Yjs encodes a transaction's change whenever the document has any; while loading, the
 * only one is Hocuspocus's own, which would queue the whole board (851 KB on a finished one) as a
 * broadcast to nobody (nobody is connected to a document still loading), and that encoding was a
 * quarter of the server's time opening a board from disk (its CPU profile, `--only cold`).
 */
function applyLoaded(document: Y.Doc, stored: Uint8Array): void {
  // lib0's Observable keeps its listeners in this map; Yjs encodes only while it has an 'update' entry.
  const observers = (document as unknown as { _observers: Map<string, Set<unknown>> })._observers
  const listeners = observers.get('update')
  observers.delete('update')
  try {
    Y.applyUpdate(document, stored)
  } finally {
    // One added meanwhile (nothing does today) is kept beside those set aside.
    const added = observers.get('update')
    if (listeners) observers.set('update', added ? new Set([...listeners, ...added]) : listeners)
  }
}
