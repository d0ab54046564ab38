import type * as Y from 'yjs'
import type { AppDeps } from './appDeps.ts'

/** Reads a board (loading it if no one has it open) and lets it go again. */
export async function withBoard<T>(
  deps: Pick<AppDeps, 'hocuspocus'>,
  name: string,
  read: (doc: Y.Doc) => T | Promise<T>,
): Promise<T> {
  const connection = await deps.hocuspocus.openDirectConnection(name)
  try {
    return await read(connection.document!)
  } finally {
    await connection.disconnect()
  }
}
