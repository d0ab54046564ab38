import * as Y from 'yjs'

/** One Yjs update holding all the parts (snapshot first, then the log), or null when nothing is stored. */
export function mergeStoredUpdates(parts: readonly Uint8Array[]): Uint8Array | null {
  if (parts.length === 0) return null
  if (parts.length === 1) return parts[0] ?? null
  return Y.mergeUpdates([...parts])
}
