import type * as Y from 'yjs'

/**
 * One step in the board's shape. A step brings a board from version `to - 1` to `to`, inside the
 * transaction `migrateBoard` opens; it must be safe to run on a board that already has part of its
 * change (two servers may migrate the same board at once, and their writes merge).
 */
export interface Migration {
  to: number
  /** What changed, for the server's log and for whoever reads this list. */
  describe: string
  migrate(doc: Y.Doc): void
}
