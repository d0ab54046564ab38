import { randomInt } from 'node:crypto'
import {
  CLOSE_CODES,
  encodeClaims,
  guardUpdate,
  refusalMessage,
  SYNC_MESSAGE,
  serverOrigin,
} from '@co-assess/board-model'
import type { DocumentStore } from '@co-assess/storage'
import {
  type afterHandleMessagePayload,
  type beforeSyncPayload,
  type Connection,
  type Extension,
  OutgoingMessage,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { closeWith } from './closeWith.ts'
import type { PresenceOwners } from './presenceOwners.ts'
import { isSyncContext } from './syncContext.ts'

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
 *
 * One race is not a refusal: a standard provider that reconnects sends its new changes at once, before
 * the sync exchange that brings what the server lacks (made offline, or sent to an instance that died).
 * Such an update builds on that missing part. Until the connection's own sync has arrived it is set
 * aside, unapplied (Hocuspocus answers "not applied" to a read-only connection for that one message);
 * its content reaches the server within the sync, where it is checked whole, and once the sync is
 * stored the set-aside update is acknowledged as saved.
 */
export function writeGate(deps: {
  documents: DocumentStore
  presence: PresenceOwners
  log: Logger
}): Extension {
  /** The gate's own Yjs client id for the claims it writes; no client writes under it. */
  const claimant = randomInt(1, 2 ** 32 - 1)
  /** Connections whose sync (their SyncStep2) the server has received. */
  const synced = new WeakSet<Connection>()
  /** Connections made read-only for one message, set aside until their sync arrives. */
  const setAside = new WeakSet<Connection>()
  /** How many updates each connection had set aside: each is acknowledged once its sync is stored. */
  const owed = new WeakMap<Connection, number>()
  /**
   * The sync carries everything a set-aside update held (the client made its sync after sending it),
   * so once the sync is stored each set-aside update is acknowledged as saved: a standard provider's
   * count of unsaved changes then comes back to zero.
   */
  const settle = (connection: Connection) => {
    const count = owed.get(connection) ?? 0
    owed.delete(connection)
    for (let i = 0; i < count; i++) {
      connection.send(new OutgoingMessage(connection.messageAddress).writeSyncStatus(true).toUint8Array())
    }
  }
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
          if (
            verdict.incomplete &&
            type === SYNC_MESSAGE.update &&
            !synced.has(connection) &&
            !connection.readOnly
          ) {
            connection.readOnly = true
            setAside.add(connection)
            owed.set(connection, (owed.get(connection) ?? 0) + 1)
            return
          }
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
        if (type === SYNC_MESSAGE.step2) synced.add(connection)
        if (!verdict.fresh) {
          if (type === SYNC_MESSAGE.step2) settle(connection)
          return
        }
        // A first-used client id is claimed in the same append as the update it vouches for, and
        // applied only once stored, so nothing the server broadcasts is missing from its store.
        const claimed =
          verdict.claims.length > 0 ? encodeClaims(document, claimant, verdict.claims, claims.personId) : null
        const stored = claimed ? Y.mergeUpdates([claimed, payload]) : payload
        try {
          await deps.documents.appendUpdate(documentName, stored)
        } catch (error) {
          deps.log.error(
            { err: error, documentName },
            'could not store an update; the client will send it again',
          )
          connection.webSocket.close(
            CLOSE_CODES.tryAgainLater,
            'The server could not save your change. It will be sent again.',
          )
          throw closeWith(
            CLOSE_CODES.storageUnavailable,
            'The server could not save your change. It will be sent again.',
          )
        }
        if (claimed) Y.applyUpdate(document, claimed, serverOrigin('claim'))
        Y.applyUpdate(document, payload, { source: 'connection', connection })
        if (type === SYNC_MESSAGE.step2) settle(connection)
      })
    },
    async afterHandleMessage({ connection }: afterHandleMessagePayload) {
      if (!setAside.has(connection)) return
      setAside.delete(connection)
      connection.readOnly = false
    },
  }
}
