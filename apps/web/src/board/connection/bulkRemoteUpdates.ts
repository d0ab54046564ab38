import type { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

/** Items (Yjs clock steps) in one transaction from the server above which it counts as a bulk load. */
export const BULK_REMOTE_ITEMS = 1000

/** How many items a transaction added, across every client that wrote in it. */
export function itemsAdded(transaction: Y.Transaction): number {
  let added = 0
  for (const [client, clock] of transaction.afterState)
    added += clock - (transaction.beforeState.get(client) ?? 0)
  return added
}

type Observers = Map<string, Set<unknown>>

/**
 * Spares Yjs from encoding a bulk update from the server again, and keeps the device's copy by a
 * snapshot a moment later instead.
 *
 * After every transaction Yjs encodes the change as an update message for the document's 'update'
 * listeners. A first sync brings the whole board (245 KB on the quick bench's board, 872 KB on the
 * full one), and that encoding was two thirds of the time the page spent applying it (CPU profile of
 * the join: 0.63 of 0.96 s), on the way to showing the board. Of the listeners, the provider ignores
 * updates that came from itself, and y-indexeddb stores the bytes to keep the device's copy. So for a
 * large transaction from the server, the listeners are set aside while Yjs would encode (between
 * 'afterTransactionCleanup' and the next transaction's or the batch's end), and `keepCopy` is called to
 * store the device's copy as a whole snapshot just after (snapshotSoon). Small updates from the
 * server (someone's tick) and every change made on this device reach the listeners as before.
 *
 * A reload is the same in the other direction: y-indexeddb applies the device's copy (the whole board)
 * in one transaction, and Yjs encoded it again for listeners of which y-indexeddb ignores its own
 * updates and the provider only counts it as a change held for the sync (it cannot send before its
 * first sync, which starts once the copy is loaded). So a bulk load from the device is spared too
 * when `fromDevice.held()` has counted it; if the provider could send, nothing is spared.
 */
export function spareBulkRemoteEncoding(
  doc: Y.Doc,
  fromServer: (origin: unknown) => boolean,
  keepCopy: () => void,
  fromDevice?: { is: (origin: unknown) => boolean; held: () => boolean },
): () => void {
  // lib0's Observable keeps its listeners in this map; Yjs encodes only while it has an 'update' entry.
  const observers = (doc as unknown as { _observers: Observers })._observers
  let setAside: Set<unknown> | null = null
  const restore = () => {
    if (!setAside) return
    const added = observers.get('update')
    if (added) for (const listener of added) setAside.add(listener)
    observers.set('update', setAside)
    setAside = null
  }
  const afterCleanup = (transaction: Y.Transaction) => {
    restore()
    const server = fromServer(transaction.origin)
    const device = !server && fromDevice?.is(transaction.origin) === true
    if ((!server && !device) || itemsAdded(transaction) < BULK_REMOTE_ITEMS) return
    const listeners = observers.get('update')
    if (!listeners) return
    if (device && !fromDevice?.held()) return
    setAside = listeners
    observers.delete('update')
    if (server) keepCopy()
  }
  doc.on('afterTransactionCleanup', afterCleanup)
  doc.on('beforeObserverCalls', restore)
  doc.on('afterAllTransactions', restore)
  return () => {
    doc.off('afterTransactionCleanup', afterCleanup)
    doc.off('beforeObserverCalls', restore)
    doc.off('afterAllTransactions', restore)
    restore()
  }
}

/**
 * Stores the whole document in the device's IndexedDB copy in a task of its own, once the copy is
 * open; asked again before then, it stores once. One write, as y-indexeddb stores an update (its own
 * `storeState` reads the store back first, a chain of requests that a reload straight after joining
 * cut short, so the server had to send the whole board again); y-indexeddb folds the entries together
 * later as it does its own. Not at an idle moment: a reload, or one while offline, straight after
 * joining must find the board on the device.
 */
export function snapshotSoon(idb: IndexeddbPersistence): () => void {
  let wanted = false
  return () => {
    if (wanted) return
    wanted = true
    void idb.whenSynced.then(() =>
      setTimeout(() => {
        wanted = false
        if (idb._destroyed || !idb.db) return
        try {
          idb.db
            .transaction(['updates'], 'readwrite')
            .objectStore('updates')
            .add(Y.encodeStateAsUpdate(idb.doc))
          idb._dbsize += 1
        } catch {
          // The copy was closed meanwhile (the board was left): nothing to keep.
        }
      }, 0),
    )
  }
}
