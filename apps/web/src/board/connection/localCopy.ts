import type { IndexeddbPersistence } from 'y-indexeddb'

/**
 * This device's own copy of a document (IndexedDB) arriving in it, as the provider's sync waits for.
 *
 * `whenLoaded` calls back in the very turn the copy is applied, not in a later microtask: the apply
 * also queues the board's render (React renders in a microtask), and a promise's callback would run
 * after that render (a few hundred milliseconds on a finished board), so the sync's first message,
 * and the server's answer, would wait for it. Sent at once, the answer arrives while the board draws.
 */
export interface LocalCopy {
  whenLoaded(listener: () => void): void
}

/** A copy that never comes (a first visit holds none): the sync need not wait. */
export const NO_LOCAL_COPY: LocalCopy = { whenLoaded: (listener) => listener() }

/**
 * The copy in `idb`, loaded once y-indexeddb says so or `giveUpAfterMs` passed (a browser whose
 * IndexedDB never answers still gets the board from the server).
 */
export function localCopyOf(idb: IndexeddbPersistence, giveUpAfterMs: number): LocalCopy {
  if (idb.synced) return NO_LOCAL_COPY
  let loaded = false
  const listeners: Array<() => void> = []
  const done = () => {
    if (loaded) return
    loaded = true
    clearTimeout(timer)
    idb.off('synced', done)
    // Called from inside y-indexeddb's event: an error in a listener (the app's code, through the
    // provider) must not cut its load short, so it is reported on its own instead.
    for (const listener of listeners.splice(0)) {
      try {
        listener()
      } catch (error) {
        setTimeout(() => {
          throw error
        })
      }
    }
  }
  idb.on('synced', done)
  const timer = setTimeout(done, giveUpAfterMs)
  return {
    whenLoaded(listener) {
      if (loaded) listener()
      else listeners.push(listener)
    },
  }
}
