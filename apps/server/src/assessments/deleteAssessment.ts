import { BLIND_SEPARATOR, CLOSE_CODES } from '@co-assess/board-model'
import type { Storage } from '@co-assess/storage'
import type { Document, Hocuspocus } from '@hocuspocus/server'
import type { Logger } from 'pino'

export const DELETED_REASON = 'This assessment has been deleted.'

/** Whether a document belongs to an assessment: its board, or one of its private blind-round documents. */
export const documentOfAssessment = (assessmentId: string, name: string) =>
  name === assessmentId || name.startsWith(`${assessmentId}${BLIND_SEPARATOR}`)

/**
 * Deletes an assessment and everything kept of it: its record with invites, people, equality answers
 * and settings (first, so nobody can join, refresh a token or reconnect meanwhile), then its open
 * connections and loaded copies on this instance, then every stored document, the board and each
 * person's private blind-round document, with their logs, snapshots and any copies set aside.
 * Other instances close their connections at their next access sweep (the invites are gone), and
 * the retention sweep deletes again any document written in that window. Resolves false if there
 * was no such assessment and nothing of it was stored.
 */
export async function deleteAssessmentEverywhere(
  deps: {
    storage: Storage
    hocuspocus: Hocuspocus
    flush: (name: string) => Promise<void>
    /** Unloads a document now, even one kept warm. */
    unloadDocument: (document: Document) => Promise<void>
    log: Logger
  },
  assessmentId: string,
): Promise<boolean> {
  const existed = await deps.storage.metadata.deleteAssessment(assessmentId)
  const loaded = [...deps.hocuspocus.documents.values()].filter((d) =>
    documentOfAssessment(assessmentId, d.name),
  )
  for (const document of loaded)
    for (const connection of document.getConnections())
      connection.close({ code: CLOSE_CODES.unauthorized, reason: DELETED_REASON })
  // A store still waiting its debounce would keep the document loaded (and could write it back later).
  deps.hocuspocus.flushPendingStores()
  await deps.flush(assessmentId)
  for (const document of loaded) await deps.unloadDocument(document)
  const names = new Set(await deps.storage.documents.listDocuments(assessmentId))
  const ours = [...names].filter((name) => documentOfAssessment(assessmentId, name))
  for (const name of ours) await deps.storage.documents.deleteDocument(name)
  if (existed || ours.length > 0)
    deps.log.info({ assessmentId, documents: ours.length }, 'deleted an assessment and its documents')
  return existed || ours.length > 0
}
