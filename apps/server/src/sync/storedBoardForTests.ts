import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DocumentStore, openEmbeddedStorage } from '@co-assess/storage'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { type Extension, Server } from '@hocuspocus/server'
import * as Y from 'yjs'

/**
 * For tests of loading a board from its store: an embedded store in a temporary directory holding one
 * board (`ticks` ticks, compacted into a snapshot, as a board everyone left is stored), a Hocuspocus
 * server on it with the extensions `extensions` makes from the store, and a way to open the board.
 * Everything made is handed to `cleanups`, to be undone in reverse order.
 */
export async function serverOnStoredBoard(options: {
  name: string
  ticks: number
  extensions: (documents: DocumentStore) => Extension[]
  cleanups: Array<() => unknown>
}): Promise<{ server: Server; open: () => Promise<Y.Doc> }> {
  const { cleanups } = options
  const dir = mkdtempSync(join(tmpdir(), 'co-assess-stored-board-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const storage = await openEmbeddedStorage({ dir })
  cleanups.push(() => storage.close())
  const board = new Y.Doc()
  for (let i = 0; i < options.ticks; i++) board.getMap('ticks').set(`person/item-${i}`, true)
  await storage.documents.compact(options.name, Y.encodeStateAsUpdate(board))

  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    extensions: options.extensions(storage.documents),
  })
  await server.listen()
  cleanups.push(() => server.destroy())
  const open = async () => {
    const doc = new Y.Doc()
    const provider = new HocuspocusProvider({
      url: `ws://127.0.0.1:${server.address.port}`,
      name: options.name,
      document: doc,
    })
    cleanups.push(() => provider.destroy())
    await new Promise<void>((synced) => provider.on('synced', () => synced()))
    return doc
  }
  return { server, open }
}
