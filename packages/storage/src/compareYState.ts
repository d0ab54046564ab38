import * as Y from 'yjs'

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

/**
 * Whether `container` already holds everything in `part`: applying `part` on top of it changes
 * neither its state vector nor its delete set, so no insertion or deletion is missing.
 */
export function containsYState(container: Uint8Array, part: Uint8Array): boolean {
  const doc = docOf(container)
  const before = Y.snapshot(doc)
  Y.applyUpdate(doc, part)
  return Y.equalSnapshots(before, Y.snapshot(doc))
}

/** Whether two stored states load as the same document (same state vector and delete set). */
export function sameYState(a: Uint8Array, b: Uint8Array): boolean {
  return Y.equalSnapshots(Y.snapshot(docOf(a)), Y.snapshot(docOf(b)))
}
