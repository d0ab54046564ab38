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
  type beforeUnloadDocumentPayload,
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
 * it would produce, record a first-used Yjs client id as the sender's, apply it (which broadcasts it
 * to the other readers) and start its append to the document's log. The sender is acknowledged only
 * once that append is flushed: an acknowledgement still means stored. Hocuspocus applies the same
 * bytes again after this hook; Yjs ignores what it already has, so that second apply changes nothing.
 *
 * Broadcasting while the append is in flight takes the disk's flush out of the other readers' wait
 * (BENCHMARKS.md, issue 15). An update that first uses a client id is the exception: its claim, a
 * server-only record, is stored before anyone sees it. What the order gives up: a crash in that
 * millisecond loses an update that readers saw; its sender holds it unacknowledged and sends it again
 * on reconnect, and until then a reader whose sync carries it is refused (written under another
 * person's connection) and asked to reload.
 *
 * A refused update changes nothing and reaches no one; the document's connection closes with the
 * reason. If the store cannot take an update, its sender is not acknowledged and its whole socket
 * closes with "try again later", so any standard provider reconnects and sends it again; the board,
 * which already holds it, is marked unstored, and no later update on it is acknowledged until a
 * whole snapshot of the board is stored.
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

  /** Per document, settles once every append started so far has (a store may run them side by side). */
  const appends = new WeakMap<object, Promise<unknown>>()
  /** Documents holding an update the store refused: applied and broadcast, not yet stored. */
  const unstored = new WeakSet<object>()
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
  /**
   * Resolves once everything the document holds from clients is stored: its appends so far have
   * flushed, and, if one was refused, a whole snapshot has been stored since. Rejects otherwise.
   */
  const stored = async (document: Y.Doc, documentName: string) => {
    await appends.get(document)
    if (!unstored.has(document)) return
    await deps.documents.compact(documentName, Y.encodeStateAsUpdate(document))
    unstored.delete(document)
    deps.log.info({ documentName }, 'stored a snapshot holding the updates the store had refused')
  }

  const appendOrTryAgain = async (
    connection: Connection,
    document: Y.Doc,
    documentName: string,
    entry: Uint8Array,
  ) => {
    const started = deps.documents.appendUpdate(documentName, entry)
    appends.set(document, Promise.allSettled([appends.get(document), started]))
    try {
      await started
    } catch (error) {
      throw tryAgainLater(connection, documentName, error)
    }
  }

  return {
    extensionName: 'co-assess-write-gate',
    priority: 900,
    async beforeSync({ type, payload, document, documentName, context, connection }: beforeSyncPayload) {
      if (type === SYNC_MESSAGE.step1) return
      if (!isSyncContext(context)) throw closeWith(CLOSE_CODES.unauthorized, 'Not signed in.')
      const { claims, documentKind, shape, alias } = context
      let append: Promise<void> | null = null
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
        if (!verdict.fresh) return
        // A first-used client id is claimed in the same append as the update it vouches for.
        const claimed =
          verdict.claims.length > 0 ? encodeClaims(document, claimant, verdict.claims, claims.personId) : null
        const entry = claimed ? Y.mergeUpdates([claimed, payload]) : payload
        if (claimed) {
          // A claim is a server-only record: a client holding one the store lost would be refused
          // for sending it back, so a first-used client id is stored before anyone sees it.
          await appendOrTryAgain(connection, document, documentName, entry)
          Y.applyUpdate(document, claimed, serverOrigin('claim'))
          Y.applyUpdate(document, payload, { source: 'connection', connection })
          return
        }
        Y.applyUpdate(document, payload, { source: 'connection', connection })
        // Sent to the other readers now rather than on the next turn of the event loop, so the
        // append's own start (a write call on this thread) does not go first. Appended in the order applied.
        document.flush()
        const started = deps.documents.appendUpdate(documentName, entry)
        append = started
        appends.set(document, Promise.allSettled([appends.get(document), started]))
      })
      // Outside the lock: the next update is checked against a board that already holds this one, and
      // appends that meet in the store's queue share one flush.
      try {
        if (append) await append
      } catch (error) {
        unstored.add(document)
        throw tryAgainLater(connection, documentName, error)
      }
      // An update with nothing new is acknowledged only once what it repeats is stored too.
      try {
        await stored(document, documentName)
      } catch (error) {
        throw tryAgainLater(connection, documentName, error)
      }
      if (type === SYNC_MESSAGE.step2) settle(connection)
    },
    /**
     * A board holding an update the store refused stays in memory until a whole snapshot of it is
     * stored: its clients hold that update, and sent back to a board loaded without it, it would be
     * refused as written under another person's connection.
     */
    async beforeUnloadDocument({ document, documentName }: beforeUnloadDocumentPayload) {
      if (!unstored.has(document)) return
      try {
        await stored(document, documentName)
      } catch (error) {
        deps.log.error({ err: error, documentName }, 'kept a board in memory: the store refused part of it')
        throw new Error('')
      }
    },
    async afterHandleMessage({ connection }: afterHandleMessagePayload) {
      if (!setAside.has(connection)) return
      setAside.delete(connection)
      connection.readOnly = false
    },
  }
}
