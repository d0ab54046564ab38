import type { Document } from '@hocuspocus/server'

interface Held {
  /** Holds not yet released; the document's broadcasts wait for all of them. */
  holds: number
  /** Whether Hocuspocus asked to send while held: it is sent when the last hold is released. */
  wanted: boolean
  flush: Document['flush']
  /** Resolves when the last hold is released and what was held has been sent. */
  released: Promise<void>
  resolve: () => void
}

const held = new WeakMap<Document, Held>()

/**
 * Holds a Hocuspocus document's broadcasts (its batched updates, and the presence batched with them)
 * until the returned function is called, so a change the server made itself reaches no reader before
 * it is stored, as the write gate does for clients' changes: a reader holding a server change the
 * store lost would carry it into its next sync, where, under a client id not its own, it could only
 * be refused. Call it before the change is made (from the document's `beforeTransaction` event):
 * Hocuspocus sends a change through `flush()`, on the next turn of the event loop or, for a large
 * one, at once. Updates that arrive meanwhile wait with it and go out in order. Releasing twice is
 * harmless.
 */
export function holdBroadcasts(document: Document): () => void {
  let state = held.get(document)
  if (!state) {
    let resolve: () => void = () => undefined
    const released = new Promise<void>((done) => {
      resolve = done
    })
    const fresh: Held = { holds: 0, wanted: false, flush: document.flush, released, resolve }
    document.flush = function heldFlush(this: Document) {
      fresh.wanted = true
      return this
    }
    held.set(document, fresh)
    state = fresh
  }
  const current = state
  current.holds++
  let done = false
  return () => {
    if (done) return
    done = true
    if (--current.holds > 0) return
    held.delete(document)
    document.flush = current.flush
    // Hocuspocus cancels a scheduled send as it runs it, so what was asked for goes now.
    if (current.wanted && !document.isDestroyed) document.flush()
    current.resolve()
  }
}

/**
 * Resolves once nothing the server wrote to the document is waiting to be stored. A new reader's
 * first sync, and another instance's request through Redis, are answered from the document as it
 * is, so they wait for this: otherwise they could take away a change the store has not got yet.
 */
export function broadcastReleased(document: Document): Promise<void> {
  return held.get(document)?.released ?? Promise.resolve()
}

/** Whether the document's broadcasts are held now. */
export function broadcastHeld(document: Document): boolean {
  return held.has(document)
}
