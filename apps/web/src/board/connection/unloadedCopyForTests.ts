import { IndexeddbPersistence } from 'y-indexeddb'

/**
 * For tests: y-indexeddb as a page without IndexedDB has it, a persistence whose load is announced by
 * hand (`idb.synced = true; idb.emit('synced', [idb])`).
 */
export function unloadedCopy(): IndexeddbPersistence {
  const idb = Object.create(IndexeddbPersistence.prototype) as IndexeddbPersistence
  Object.assign(idb, { _observers: new Map(), synced: false })
  return idb
}
