import type { DocumentStore } from '@co-assess/storage'
import type {
  afterLoadDocumentPayload,
  beforeSyncPayload,
  Extension,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { acceptedUpdates } from './acceptedUpdates.ts'
import { CLOSE_CODES, closeWith } from './closeWith.ts'
import type { DocumentWriteLock } from './documentWriteLock.ts'

/** Compact a document's log into a snapshot once it holds this many updates. */
const COMPACT_AFTER = 500

export interface Persistence extends Extension {
  /** Resolves when every server-side write made so far to these documents is durable. */
  flush(documentName?: string): Promise<void>
}

/**
 * Every accepted client update is appended to the document's log, and the append is awaited before
 * Hocuspocus applies the update and acknowledges it: an update the client sees as saved is on disk.
 * Writes the server makes itself (through direct connections) are appended as they happen and can be
 * awaited with `flush`. Logs are compacted into snapshots after the debounced store.
 */
export function persistenceExtension(deps: {
  documents: DocumentStore
  log: Logger
  lock: DocumentWriteLock
}): Persistence {
  const pending = new Map<string, Set<Promise<void>>>()

  const track = (name: string, write: Promise<void>) => {
    const set = pending.get(name) ?? new Set()
    pending.set(name, set)
    const tracked = write
      .catch((error: unknown) =>
        deps.log.error({ err: error, documentName: name }, 'could not store a server write'),
      )
      .finally(() => {
        set.delete(tracked)
        if (set.size === 0) pending.delete(name)
      })
    set.add(tracked)
  }

  return {
    extensionName: 'co-assess-persistence',
    priority: 800,
    async onLoadDocument({ documentName }: onLoadDocumentPayload) {
      const stored = await deps.documents.loadDocument(documentName)
      return stored ?? undefined
    },
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      // A crash skips the debounced store, so a board written to steadily and killed again and again
      // would replay a longer log at every start. Compacting what was just loaded bounds that; it runs
      // beside the first sync rather than in front of it.
      if ((await deps.documents.logLength(documentName)) < COMPACT_AFTER) return
      track(documentName, deps.documents.compact(documentName, Y.encodeStateAsUpdate(document)))
    },
    async beforeSync({ type, payload, documentName }: beforeSyncPayload) {
      if (type === 0) return
      try {
        const mark = acceptedUpdates.get(payload)
        if (!mark) throw closeWith(CLOSE_CODES.forbiddenWrite, 'Not saved: the update was not checked.')
        if (!mark.fresh) return
        try {
          await deps.documents.appendUpdate(documentName, payload)
        } catch (error) {
          deps.log.error({ err: error, documentName }, 'could not store an update; the client will retry')
          // Closing makes the client keep the change and send it again on reconnect.
          throw closeWith(1011, 'The server could not save your change. It will be sent again.')
        }
      } finally {
        // The last hook to touch the update: the guard's hold on the document ends once it is applied.
        deps.lock.releaseAfterApply(payload)
      }
    },
    async onChange({ transactionOrigin, update, documentName }: onChangePayload) {
      const origin = transactionOrigin as { source?: string } | undefined
      // Client updates were stored in beforeSync; updates from other instances by those instances.
      if (origin?.source !== 'local') return
      track(documentName, deps.documents.appendUpdate(documentName, update))
    },
    async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
      await Promise.all(pending.get(documentName) ?? [])
      if ((await deps.documents.logLength(documentName)) < COMPACT_AFTER) return
      await deps.documents.compact(documentName, Y.encodeStateAsUpdate(document))
    },
    async flush(documentName?: string) {
      const names = documentName ? [documentName] : [...pending.keys()]
      await Promise.all(names.flatMap((name) => [...(pending.get(name) ?? [])]))
    },
  }
}
