import { CLOSE_CODES, claimClients, guardUpdate, refusalMessage, SYNC_MESSAGE } from '@co-assess/board-model'
import type { DocumentStore } from '@co-assess/storage'
import type { beforeSyncPayload, Extension } from '@hocuspocus/server'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { closeWith } from './closeWith.ts'
import type { PresenceOwners } from './presenceOwners.ts'
import { isSyncContext } from './syncContext.ts'

/** The standard WebSocket code for "try again later": every client library reconnects after it. */
const TRY_AGAIN_LATER = 1013

/**
 * The one way a client's change enters a board. For each update, holding the document so nothing
 * else is checked or applied in between: decode and check it against the sender's role and the board
 * it would produce, record a first-used Yjs client id as the sender's, append it to the document's
 * log, then apply it (which broadcasts it). Hocuspocus applies the same bytes again after this hook;
 * Yjs ignores what it already has, so that second apply changes nothing.
 *
 * A refused update changes nothing and reaches no one; the document's connection closes with the
 * reason. An update the store could not take is not applied either, and the whole socket closes with
 * "try again later", so any standard provider reconnects and sends it again.
 */
export function writeGate(deps: {
  documents: DocumentStore
  presence: PresenceOwners
  log: Logger
}): Extension {
  const tails = new WeakMap<object, Promise<void>>()
  /** One writer at a time per document, from the check until the update is applied. */
  const exclusive = async (document: object, work: () => Promise<void>) => {
    const previous = tails.get(document) ?? Promise.resolve()
    const current = previous.then(work)
    const tail = current.catch(() => undefined)
    tails.set(document, tail)
    try {
      await current
    } finally {
      if (tails.get(document) === tail) tails.delete(document)
    }
  }

  return {
    extensionName: 'co-assess-write-gate',
    priority: 900,
    async beforeSync({ type, payload, document, documentName, context, connection }: beforeSyncPayload) {
      if (type === SYNC_MESSAGE.step1) return
      if (!isSyncContext(context)) throw closeWith(CLOSE_CODES.unauthorized, 'Not signed in.')
      const { claims, documentKind, shape, alias } = context
      await exclusive(document, async () => {
        const verdict = guardUpdate(
          document,
          payload,
          {
            personId: claims.personId,
            role: claims.role,
            documentKind,
            alias,
            group: claims.group ?? undefined,
          },
          shape,
          deps.presence.of(document),
        )
        if (!verdict.allowed) {
          deps.log.warn(
            {
              documentName,
              personId: claims.personId,
              role: claims.role,
              reason: verdict.reason,
              bytes: payload.length,
            },
            'refused an update',
          )
          throw closeWith(CLOSE_CODES.forbiddenWrite, refusalMessage(verdict.reason))
        }
        if (!verdict.fresh) return
        let stored = payload
        if (verdict.claims.length > 0) {
          // The claim is written first and stored in the same append as the update it vouches for.
          let claimUpdate: Uint8Array | null = null
          const capture = (update: Uint8Array) => {
            claimUpdate = update
          }
          document.on('update', capture)
          try {
            claimClients(document, verdict.claims, claims.personId)
          } finally {
            document.off('update', capture)
          }
          if (claimUpdate) stored = Y.mergeUpdates([claimUpdate, payload])
        }
        try {
          await deps.documents.appendUpdate(documentName, stored)
        } catch (error) {
          deps.log.error(
            { err: error, documentName },
            'could not store an update; the client will send it again',
          )
          connection.webSocket.close(
            TRY_AGAIN_LATER,
            'The server could not save your change. It will be sent again.',
          )
          throw closeWith(
            CLOSE_CODES.storageUnavailable,
            'The server could not save your change. It will be sent again.',
          )
        }
        Y.applyUpdate(document, payload, { source: 'connection', connection })
      })
    },
  }
}
