/**
 * One writer at a time per document, from the write guard's check until Hocuspocus has applied the
 * update. Without it, two connections' updates could both be checked against the same state while the
 * first waits for its disk flush: a participant's edit of their own proposed action checked before,
 * and applied after, the chair agreed it; a board tick checked before, and applied after, the chair
 * opened a blind round on that area.
 *
 * Hocuspocus applies an update synchronously once every beforeSync hook has resolved, so releasing in
 * a later macrotask (setImmediate) releases after the apply.
 */
export class DocumentWriteLock {
  readonly #tails = new WeakMap<object, Promise<void>>()
  readonly #releases = new WeakMap<Uint8Array, () => void>()

  /** Waits for the document's earlier writers, then holds it for the update `payload`. */
  async acquire(document: object, payload: Uint8Array): Promise<void> {
    const previous = this.#tails.get(document) ?? Promise.resolve()
    let release!: () => void
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    this.#tails.set(
      document,
      previous.then(() => held),
    )
    await previous
    // A hook chain that stops early (a closed connection) must not hold the document for ever.
    const timer = setTimeout(release, 10_000)
    this.#releases.set(payload, () => {
      clearTimeout(timer)
      release()
    })
  }

  /** Releases after the update has been applied (or refused): call from the last hook that handles it. */
  releaseAfterApply(payload: Uint8Array): void {
    const release = this.#releases.get(payload)
    if (!release) return
    this.#releases.delete(payload)
    setImmediate(release)
  }
}
