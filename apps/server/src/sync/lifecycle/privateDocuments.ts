import { blindDocumentName, parseDocumentName } from '@co-assess/board-model'
import type { DocumentStore } from '@co-assess/storage'
import type { Hocuspocus } from '@hocuspocus/server'
import * as Y from 'yjs'

/** A document's state to read, and what to call once read (a stored copy is destroyed). */
export interface PeekedDocument {
  doc: Y.Doc
  release(): void
}

export interface PrivateDocuments {
  /**
   * A document's state for deciding whether there is anything to do: the loaded copy if there is one,
   * else what is stored. Peeking rather than opening matters: opening the board through a direct
   * connection loads it, and every load of a board scans its private documents again.
   */
  peek(name: string): Promise<PeekedDocument>
  /** Every private blind-round document of an assessment, stored or only in memory so far. */
  namesOf(assessmentId: string): Promise<Set<string>>
  /** Every private document of an assessment, peeked, with whose it is; the caller releases them. */
  peekAll(assessmentId: string): Promise<Array<PeekedDocument & { personId: string }>>
}

export function privateDocuments(deps: {
  documents: DocumentStore
  hocuspocus: () => Hocuspocus
}): PrivateDocuments {
  const peek = async (name: string): Promise<PeekedDocument> => {
    const loaded = deps.hocuspocus().documents.get(name)
    if (loaded) return { doc: loaded, release: () => undefined }
    const doc = new Y.Doc()
    const stored = await deps.documents.loadDocument(name)
    if (stored) Y.applyUpdate(doc, stored)
    return { doc, release: () => doc.destroy() }
  }
  const namesOf = async (assessmentId: string) => {
    const prefix = blindDocumentName(assessmentId, '')
    const names = new Set(await deps.documents.listDocuments(prefix))
    for (const name of deps.hocuspocus().documents.keys()) if (name.startsWith(prefix)) names.add(name)
    return names
  }
  return {
    peek,
    namesOf,
    async peekAll(assessmentId) {
      const peeked: Array<PeekedDocument & { personId: string }> = []
      try {
        for (const name of await namesOf(assessmentId)) {
          const target = parseDocumentName(name)
          if (target?.kind !== 'blind' || target.assessmentId !== assessmentId) continue
          peeked.push({ personId: target.personId, ...(await peek(name)) })
        }
      } catch (error) {
        // A store that fails part way leaves nothing peeked behind.
        for (const d of peeked) d.release()
        throw error
      }
      return peeked
    },
  }
}
