import {
  blindDocumentName,
  LIVE_KEYS,
  liveMap,
  mergeBlindTicks,
  parseDocumentName,
  type Round,
  recordAttendance,
} from '@co-assess/board-model'
import type { DocumentStore } from '@co-assess/storage'
import type { afterLoadDocumentPayload, connectedPayload, Extension, Hocuspocus } from '@hocuspocus/server'
import type { Logger } from 'pino'
import type * as Y from 'yjs'
import { isSyncContext } from './syncContext.ts'

/**
 * What the server does on its own as a session runs: records attendance as people connect (and
 * everyone present when a session starts), and moves blind-round ticks onto the board when the
 * chair reveals a round.
 */
export function boardLifecycleExtension(deps: {
  documents: DocumentStore
  log: Logger
  hocuspocus: () => Hocuspocus
  flush: (documentName: string) => Promise<void>
}): Extension & { settled(): Promise<void> } {
  const inFlight = new Set<Promise<unknown>>()
  const run = (work: Promise<unknown>) => {
    const tracked = work
      .catch((error: unknown) => deps.log.error({ err: error }, 'a board lifecycle task failed'))
      .finally(() => inFlight.delete(tracked))
    inFlight.add(tracked)
  }

  const connectedPeople = (doc: Y.Doc & { getConnections?: () => Array<{ context: unknown }> }) =>
    (doc.getConnections?.() ?? []).map((c) => (isSyncContext(c.context) ? c.context.claims.personId : null))

  const revealRound = async (assessmentId: string, areaId: string) => {
    const hocuspocus = deps.hocuspocus()
    const prefix = blindDocumentName(assessmentId, '')
    const names = new Set(await deps.documents.listDocuments(prefix))
    for (const name of hocuspocus.documents.keys()) if (name.startsWith(prefix)) names.add(name)
    const board = await hocuspocus.openDirectConnection(assessmentId)
    let moved = 0
    try {
      for (const name of names) {
        const target = parseDocumentName(name)
        if (target?.kind !== 'blind') continue
        const privateConnection = await hocuspocus.openDirectConnection(name)
        try {
          await board.transact((boardDoc) => {
            // The private document changes in its own transaction; the direct connection marks it local.
            void privateConnection.transact((privateDoc) => {
              moved += mergeBlindTicks(boardDoc, privateDoc, target.personId, areaId)
            })
          })
        } finally {
          await privateConnection.disconnect()
        }
      }
    } finally {
      await board.disconnect()
    }
    await deps.flush(assessmentId)
    deps.log.info({ assessmentId, areaId, moved }, 'revealed a blind round')
  }

  return {
    extensionName: 'co-assess-board-lifecycle',
    async connected({ context, documentName, connection }: connectedPayload) {
      if (!isSyncContext(context) || context.documentKind !== 'board') return
      const document = connection.document
      run(
        (async () => {
          document.transact(() => recordAttendance(document, context.claims.personId), { source: 'local' })
          await deps.flush(documentName)
        })(),
      )
    },
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      const target = parseDocumentName(documentName)
      if (target?.kind !== 'board') return
      const live = liveMap(document)
      live.observe((event) => {
        const origin = event.transaction.origin as { source?: string } | null
        if (origin?.source !== 'connection' && origin?.source !== 'redis') return
        for (const key of event.keysChanged) {
          if (key === LIVE_KEYS.activeSession && typeof live.get(key) === 'string') {
            run(
              Promise.resolve().then(() => {
                document.transact(
                  () => {
                    for (const personId of connectedPeople(document))
                      if (personId) recordAttendance(document, personId)
                  },
                  { source: 'local' },
                )
              }),
            )
          }
          if (origin?.source === 'connection' && key.startsWith('round:')) {
            const round = live.get(key) as Round | undefined
            if (round?.mode === 'revealed') run(revealRound(target.assessmentId, key.slice('round:'.length)))
          }
        }
      })
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight])
    },
  }
}
