import type { DocumentStore } from '@co-assess/storage'
import type {
  afterLoadDocumentPayload,
  Extension,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import * as Y from 'yjs'

/** Compact a document's log into a snapshot once it holds this many updates. */
const COMPACT_AFTER = 500

export interface Persistence extends Extension {
  /** Resolves when every server-side write made so far to these documents is durable. */
  flush(documentName?: string): Promise<void>
}

/**
 * Loads and compacts documents, and stores the writes the server makes itself (through direct
 * connections) as they happen; `flush` awaits them. Clients' updates are stored by the write gate,
 * before they are applied.
 */
export function persistenceExtension(deps: { documents: DocumentStore; log: Logger }): Persistence {
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
    async onChange({ transactionOrigin, update, documentName }: onChangePayload) {
      const origin = transactionOrigin as { source?: string } | undefined
      // Clients' updates (and the claims on their client ids) were stored by the write gate; updates
      // from other instances by those instances.
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
