import * as Y from 'yjs'

/**
 * One Yjs update holding all the parts (snapshot first, then the log), or null when nothing is stored.
 *
 * The parts are applied to a scratch document in one transaction and the document is encoded again,
 * rather than combined with `Y.mergeUpdates`: that function's cost grows much faster than the number
 * of parts (29,000 single-tick updates took 88 s to merge, against 0.3 s applied to a document), and
 * a log that long is exactly what a board left uncompacted by a crash holds. Updates whose
 * dependencies are missing stay in the document's pending set and are encoded with it, so nothing
 * stored is dropped.
 */
export function mergeStoredUpdates(parts: readonly Uint8Array[]): Uint8Array | null {
  if (parts.length === 0) return null
  if (parts.length === 1) return parts[0] ?? null
  const doc = new Y.Doc({ gc: true })
  try {
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
