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
  type Document,
  type Extension,
  OutgoingMessage,
} from '@hocuspocus/server'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { broadcastReleased } from './broadcastHold.ts'
import { closeWith } from './closeWith.ts'
import type { PresenceOwners } from './presenceOwners.ts'
import { isSyncContext } from './syncContext.ts'

/**
 * The one way a client's change enters a board. For each update, holding the document so nothing
 * else is checked or applied in between: decode and check it against the sender's role and the board
 * it would produce, store it (with the claim on a first-used Yjs client id, in one append), and only
 * then apply it, which sends it to the other readers. Hocuspocus acknowledges the sender after this
 * hook, so an acknowledgement means stored; Hocuspocus applies the same bytes again after the hook,
 * and Yjs ignores what it already has.
 *
 * Stored before anyone sees it, by construction: no reader, on any instance, can hold a client's
 * change that the store lost. That is what lets a board be loaded again after a crash, or on the
 * other instance after a failover, and still take every reader's sync: a reader's sync carries the
 * other people's changes it received, and a change under another person's client id that the board
 * lacks can only be refused (the server cannot tell it from a forgery). Broadcasting while the append
 * was in flight (tried for issue 15, BENCHMARKS.md) let a crash in that millisecond leave every
 * reader holding someone else's lost change, each refused in turn, and nobody's work got through.
 *
 * A refused update changes nothing and reaches no one; the document's connection closes with the
 * reason. If the store cannot take an update, nothing is applied, its sender is not acknowledged and
 * its whole socket closes with "try again later", so any standard provider reconnects and sends it
 * again.
 *
 * One race is not a refusal: a standard provider that reconnects sends its new changes at once, before
 * the sync exchange that brings what the server lacks (made offline, or sent to an instance that died).
 * Such an update builds on that missing part. Until the connection's own sync has arrived it is set
 * aside, unapplied (Hocuspocus answers "not applied" to a read-only connection for that one message);
 * its content reaches the server within the sync, where it is checked whole, and once the sync is
 * stored the set-aside update is acknowledged as saved.
 *
 * With several instances, a board open here may lag the shared store by one Redis round trip: an
 * update stored and sent to readers by an instance that then died never reached this copy. An update
 * refused while writing under a client id the board does not know as the sender's (`foreign`) is
 * judged again after `catchUp` has read the store into the board.
 */
export function writeGate(deps: {
  documents: DocumentStore
  presence: PresenceOwners
  log: Logger
  /** Reads the shared store into an open board (several instances); absent on one instance. */
  catchUp?: (documentName: string, document: Document) => Promise<void>
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
  /** One writer at a time per document, from the check until the update is stored and applied. */
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

  const tryAgainLater = (connection: Connection, documentName: string, error: unknown) => {
    deps.log.error({ err: error, documentName }, 'could not store an update; the client will send it again')
    connection.webSocket.close(
      CLOSE_CODES.tryAgainLater,
      'The server could not save your change. It will be sent again.',
    )
    return closeWith(
      CLOSE_CODES.storageUnavailable,
      'The server could not save your change. It will be sent again.',
    )
  }

  return {
    extensionName: 'co-assess-write-gate',
    priority: 900,
    async beforeSync({ type, payload, document, documentName, context, connection }: beforeSyncPayload) {
      // A reader's first sync is answered from the board as it is: not while a change the server
      // made itself is still on its way to the store (see broadcastHold.ts).
      if (type === SYNC_MESSAGE.step1) return broadcastReleased(document)
      if (!isSyncContext(context)) throw closeWith(CLOSE_CODES.unauthorized, 'Not signed in.')
      const { claims, documentKind, shape, alias } = context
      const judge = () =>
        guardUpdate(
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
      await exclusive(document, async () => {
        let verdict = judge()
        if (!verdict.allowed && verdict.foreign && deps.catchUp) {
          await deps.catchUp(documentName, document)
          verdict = judge()
        }
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
        if (!verdict.fresh) return
        // A first-used client id is claimed in the same append as the update it vouches for.
        const claimed =
          verdict.claims.length > 0 ? encodeClaims(document, claimant, verdict.claims, claims.personId) : null
        try {
          await deps.documents.appendUpdate(
            documentName,
            claimed ? Y.mergeUpdates([claimed, payload]) : payload,
          )
        } catch (error) {
          throw tryAgainLater(connection, documentName, error)
        }
        if (claimed) Y.applyUpdate(document, claimed, serverOrigin('claim'))
        Y.applyUpdate(document, payload, { source: 'connection', connection })
        // Sent to the other readers now rather than on the next turn of the event loop.
        document.flush()
      })
      if (type === SYNC_MESSAGE.step2) settle(connection)
    },
    async afterHandleMessage({ connection }: afterHandleMessagePayload) {
      if (!setAside.has(connection)) return
      setAside.delete(connection)
      connection.readOnly = false
    },
  }
}
