import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openEmbeddedStorage } from '@co-assess/storage'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { type onLoadDocumentPayload, Server } from '@hocuspocus/server'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { persistenceExtension } from './persistenceExtension.ts'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('persistenceExtension, loading a stored board', () => {
  it('applies it without Yjs encoding the whole board again for the update listeners', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'co-assess-persistence-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const storage = await openEmbeddedStorage({ dir })
    cleanups.push(() => storage.close())
    const board = new Y.Doc()
    for (let i = 0; i < 100; i++) board.getMap('ticks').set(`person/item-${i}`, true)
    await storage.documents.compact('board.stored', Y.encodeStateAsUpdate(board))

    // Listens from the document's creation, as Hocuspocus's own listener does (priority above the store's).
    const updatesWhileLoading: Uint8Array[] = []
    const server = new Server({
      port: 0,
      address: '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      extensions: [
        {
          priority: 900,
          async onLoadDocument({ document }: onLoadDocumentPayload) {
            document.on('update', (update: Uint8Array) => updatesWhileLoading.push(update))
          },
        },
        persistenceExtension({ documents: storage.documents, log: pino({ level: 'silent' }) }),
      ],
    })
    await server.listen()
    cleanups.push(() => server.destroy())

    const doc = new Y.Doc()
    const provider = new HocuspocusProvider({
      url: `ws://127.0.0.1:${server.address.port}`,
      name: 'board.stored',
      document: doc,
    })
    cleanups.push(() => provider.destroy())
    await new Promise<void>((synced) => provider.on('synced', () => synced()))
    expect(doc.getMap('ticks').size).toBe(100)
    expect(updatesWhileLoading).toEqual([])

    // A change after the load reaches the listeners as ever.
    const document = server.hocuspocus.documents.get('board.stored')
    const arrived = new Promise<void>((done) => document?.on('update', () => done()))
    doc.getMap('ticks').set('person/item-100', true)
    await arrived
    expect(updatesWhileLoading).toHaveLength(1)
  })
})
