import { migrateBoard, parseDocumentName } from '@co-assess/board-model'
import type { afterLoadDocumentPayload, Extension } from '@hocuspocus/server'
import type { Logger } from 'pino'

/**
 * Brings a board stored by older code up to the shape this code reads, as it loads and before anyone
 * syncs. The change is a server write (origin `local`), so the persistence extension stores it like
 * any other and connected instances receive it through Redis.
 */
export function migrationExtension(deps: { log: Logger }): Extension {
  return {
    extensionName: 'co-assess-migrations',
    // After the persistence extension has loaded the stored board, before anything reads it.
    priority: 700,
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      if (parseDocumentName(documentName)?.kind !== 'board') return
      const outcome = migrateBoard(document, { source: 'local' })
      if (outcome.kind === 'migrated')
        deps.log.info({ documentName, ...outcome }, 'migrated a board to the current shape')
      if (outcome.kind === 'newer')
        deps.log.warn(
          { documentName, version: outcome.version },
          'a board written by newer code: left as it is',
        )
    },
  }
}
