import type * as Y from 'yjs'
import type { MapRootName } from '../roots.ts'

/**
 * Whether a transaction changed nothing but the named roots of the board (the ticks, say): a reading
 * that never looks at them need not be read again. For 'afterTransaction', which names the types each
 * change touched and costs Yjs nothing to emit.
 */
export function changedOnly(transaction: Y.Transaction, roots: readonly MapRootName[]): boolean {
  const { share } = transaction.doc
  for (const type of transaction.changed.keys()) {
    if (!roots.some((name) => share.get(name) === type)) return false
  }
  return true
}
