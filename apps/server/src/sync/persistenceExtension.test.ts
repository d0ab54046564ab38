import type { onLoadDocumentPayload } from '@hocuspocus/server'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { persistenceExtension } from './persistenceExtension.ts'
import { serverOnStoredBoard } from './storedBoardForTests.ts'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('persistenceExtension, loading a stored board', () => {
  it('applies it without Yjs encoding the whole board again for the update listeners', async () => {
    // Listens from the document's creation, as Hocuspocus's own listener does (priority above the store's).
    const updatesWhileLoading: Uint8Array[] = []
    const { server, open } = await serverOnStoredBoard({
      name: 'board.stored',
      ticks: 100,
      cleanups,
      extensions: (documents) => [
        {
          priority: 900,
          async onLoadDocument({ document }: onLoadDocumentPayload) {
            document.on('update', (update: Uint8Array) => updatesWhileLoading.push(update))
          },
        },
        persistenceExtension({ documents, log: pino({ level: 'silent' }) }),
      ],
    })

    const doc = await open()
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
