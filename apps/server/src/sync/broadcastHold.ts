import type { Document } from '@hocuspocus/server'

interface Held {
  /** Writes still in flight; the document's broadcasts wait for all of them. */
  writes: number
  /** Whether Hocuspocus asked to send while held: it is sent when the last write settles. */
  wanted: boolean
  flush: Document['flush']
  /** Resolves when the last write settles and what was held has been sent. */
  released: Promise<void>
  release: () => void
}

const holds = new WeakMap<Document, Held>()

/**
 * Holds a Hocuspocus document's broadcasts (its batched updates, and the presence batched with them)
 * until `write` settles, so a change the server made itself reaches no reader before it is stored,
 * as the write gate does for clients' changes: a reader holding a server change the store lost would
 * carry it into its next sync, where, under a client id not its own, it could only be refused.
 *
 * Must be called in the same turn of the event loop as the change (from a listener of the document's
 * `update` event): Hocuspocus sends a change on the next turn (`flushDelay: 0`), through `flush()`,
 * which is what is held here. Updates that arrive meanwhile wait with it and go out in order.
 */
export function holdBroadcastUntil(document: Document, write: Promise<unknown>): void {
  let held = holds.get(document)
  if (!held) {
    const flush = document.flush
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    const state: Held = { writes: 0, wanted: false, flush, released, release }
    document.flush = function heldFlush(this: Document) {
      state.wanted = true
      return this
    }
    holds.set(document, state)
    held = state
  }
  held.writes++
  const release = () => {
    const state = holds.get(document)
    if (!state || --state.writes > 0) return
    holds.delete(document)
    document.flush = state.flush
    // Hocuspocus cancels the scheduled send as it runs it, so what was asked for goes now.
    if (state.wanted && !document.isDestroyed) document.flush()
    state.release()
  }
  write.then(release, release)
}

/**
 * Resolves once nothing the server wrote to the document is waiting to be stored. A new reader's
 * first sync is answered from the document as it is, so it waits for this: otherwise it could take
 * away a change the store has not got yet.
 */
export function broadcastReleased(document: Document): Promise<void> {
  return holds.get(document)?.released ?? Promise.resolve()
}
