import type { Hocuspocus } from '@hocuspocus/server'
import type * as Y from 'yjs'

/**
 * Runs a server-side change on a document through a Hocuspocus direct connection, so connected
 * clients receive it and the persistence extension stores it (origin `local`).
 */
export async function serverWrite<T>(
  hocuspocus: Hocuspocus,
  documentName: string,
  change: (doc: Y.Doc) => T,
): Promise<T> {
  const connection = await hocuspocus.openDirectConnection(documentName)
  try {
    let result: T | undefined
    await connection.transact((doc) => {
      result = change(doc)
    })
    return result as T
  } finally {
    await connection.disconnect()
  }
}
