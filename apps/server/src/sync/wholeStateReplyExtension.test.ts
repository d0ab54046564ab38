import type { DocumentStore } from '@co-assess/storage'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { Document, Server } from '@hocuspocus/server'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { persistenceExtension } from './persistenceExtension.ts'
import { serverOnStoredBoard } from './storedBoardForTests.ts'
import { wholeStateReplyExtension } from './wholeStateReplyExtension.ts'

// The Hocuspocus patch (patches/@hocuspocus__server@4.7.0.patch) and the extension that turns it on.
// A cached reply that outlived a change would give a joining reader an old board: every case here
// checks the reply against what Yjs encodes from the document at that moment.

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc())
const cachedReply = (document: Document) => Reflect.get(document, 'wholeStateReplyCached') as unknown

function readAll(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

describe('Document.encodeStateAsUpdateFor (patched Hocuspocus)', () => {
  it('answers an empty state vector from one encoding until a transaction changes the document', () => {
    const document = new Document('board:a').cacheWholeStateReply()
    const ticks = document.getMap<boolean>('ticks')
    for (let i = 0; i < 200; i++) ticks.set(`person/item-${i}`, true)

    const first = document.encodeStateAsUpdateFor(EMPTY_STATE_VECTOR)
    expect(document.encodeStateAsUpdateFor(EMPTY_STATE_VECTOR)).toBe(first)
    expect(first).toEqual(Y.encodeStateAsUpdate(document))
    // A transaction that writes nothing (the server's attendance hook when no session runs) keeps it.
    document.transact(() => ticks.get('person/item-1'))
    document.transact(() => {
      if (!ticks.has('person/item-2')) ticks.set('person/item-2', true)
    }, 'server')
    expect(document.encodeStateAsUpdateFor(EMPTY_STATE_VECTOR)).toBe(first)

    ticks.delete('person/item-3')
    const afterDelete = document.encodeStateAsUpdateFor(EMPTY_STATE_VECTOR)
    expect(afterDelete).not.toBe(first)
    expect(afterDelete).toEqual(Y.encodeStateAsUpdate(document))
    expect(readAll(afterDelete).getMap('ticks').has('person/item-3')).toBe(false)

    // A change that arrives as an update from elsewhere (another instance, a reader) drops it too.
    const elsewhere = new Y.Doc()
    Y.applyUpdate(elsewhere, afterDelete)
    elsewhere.getMap('ticks').set('other/item-1', true)
    Y.applyUpdate(document, Y.encodeStateAsUpdate(elsewhere, Y.encodeStateVector(document)))
    const afterRemote = document.encodeStateAsUpdateFor(EMPTY_STATE_VECTOR)
    expect(readAll(afterRemote).getMap('ticks').get('other/item-1')).toBe(true)
    expect(afterRemote).toEqual(Y.encodeStateAsUpdate(document))
  })

  it('gives a reader that already holds part of the board only what it lacks', () => {
    const document = new Document('board:b').cacheWholeStateReply()
    document.getMap('ticks').set('a/1', true)
    const reader = readAll(Y.encodeStateAsUpdate(document))
    document.getMap('ticks').set('a/2', true)

    const stateVector = Y.encodeStateVector(reader)
    const reply = document.encodeStateAsUpdateFor(stateVector)
    expect(reply).toEqual(Y.encodeStateAsUpdate(document, stateVector))
    expect(reply.length).toBeLessThan(Y.encodeStateAsUpdate(document).length)
    Y.applyUpdate(reader, reply)
    expect(reader.getMap('ticks').toJSON()).toEqual({ 'a/1': true, 'a/2': true })
  })

  it('takes a whole state it is handed as the reply, until the next change, and only when caching', () => {
    const source = new Y.Doc()
    for (let i = 0; i < 50; i++) source.getMap('ticks').set(`person/item-${i}`, true)
    const stored = Y.encodeStateAsUpdate(source)

    const document = new Document('board:c').cacheWholeStateReply()
    Y.applyUpdate(document, stored)
    document.seedWholeStateReply(stored)
    expect(document.encodeStateAsUpdateFor(EMPTY_STATE_VECTOR)).toBe(stored)
    document.getMap('ticks').set('person/item-50', true)
    const changed = document.encodeStateAsUpdateFor(EMPTY_STATE_VECTOR)
    expect(changed).not.toBe(stored)
    expect(readAll(changed).getMap('ticks').size).toBe(51)

    const notCaching = new Document('other')
    Y.applyUpdate(notCaching, stored)
    notCaching.seedWholeStateReply(stored)
    expect(cachedReply(notCaching)).toBeUndefined()
  })

  it('keeps nothing unless asked: Hocuspocus as shipped', () => {
    const document = new Document('other')
    document.getMap('ticks').set('a/1', true)
    const reply = document.encodeStateAsUpdateFor(EMPTY_STATE_VECTOR)
    expect(reply).toEqual(Y.encodeStateAsUpdate(document))
    expect(document.encodeStateAsUpdateFor(EMPTY_STATE_VECTOR)).not.toBe(reply)
    expect(cachedReply(document)).toBeUndefined()
  })
})

describe('wholeStateReplyExtension on a running server', () => {
  const cleanups: Array<() => unknown> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  /** Resolves once the server's copy holds `key` (the writer's change has arrived). */
  function holds(document: Document, key: string): Promise<void> {
    return new Promise((arrived) => {
      const check = () => {
        if (!document.getMap('ticks').has(key)) return
        document.off('update', check)
        arrived()
      }
      document.on('update', check)
      check()
    })
  }

  async function join(port: number, name: string): Promise<{ doc: Y.Doc; provider: HocuspocusProvider }> {
    const doc = new Y.Doc()
    const provider = new HocuspocusProvider({ url: `ws://127.0.0.1:${port}`, name, document: doc })
    cleanups.push(() => provider.destroy())
    await new Promise<void>((synced) => provider.on('synced', () => synced()))
    return { doc, provider }
  }

  it('answers the first reader of a board opened from its store with the bytes the store loaded', async () => {
    // What the store hands over, seen on its way to the document.
    const loaded: Uint8Array[] = []
    const { server, open } = await serverOnStoredBoard({
      name: 'board.stored',
      ticks: 100,
      cleanups,
      extensions: (stored) => {
        const documents = Object.create(stored) as DocumentStore
        documents.loadDocument = async (name) => {
          const bytes = await stored.loadDocument(name)
          if (bytes) loaded.push(bytes)
          return bytes
        }
        return [
          persistenceExtension({ documents, log: pino({ level: 'silent' }) }),
          wholeStateReplyExtension({ caches: (name) => name.startsWith('board.') }),
        ]
      },
    })

    const reader = await open()
    expect(reader.getMap('ticks').size).toBe(100)
    const document = server.hocuspocus.documents.get('board.stored')
    if (!document) throw new Error('the board is not loaded')
    expect(loaded).toHaveLength(1)
    expect(cachedReply(document)).toBe(loaded[0])

    // The first change drops it: the next reader gets the board as it is now.
    reader.getMap('ticks').set('person/item-100', true)
    await holds(document, 'person/item-100')
    const next = await open()
    expect(next.getMap('ticks').size).toBe(101)
    expect(cachedReply(document)).not.toBe(loaded[0])
  })

  it('sends each new reader the board as it is now, through the sync step the patch changed', async () => {
    const server = new Server({
      port: 0,
      address: '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      extensions: [wholeStateReplyExtension({ caches: (name) => name.startsWith('board:') })],
    })
    await server.listen()
    cleanups.push(() => server.destroy())
    const port = server.address.port

    const writer = await join(port, 'board:live')
    writer.doc.getMap('ticks').set('writer/1', true)
    const document = server.hocuspocus.documents.get('board:live')
    if (!document) throw new Error('the board is not loaded')
    await holds(document, 'writer/1')

    const first = await join(port, 'board:live')
    expect(first.doc.getMap('ticks').get('writer/1')).toBe(true)
    // The reply came from the cache the patch keeps, so the patched sync step is what answered.
    expect(cachedReply(document)).toBeInstanceOf(Uint8Array)

    writer.doc.getMap('ticks').set('writer/2', true)
    writer.doc.getMap('ticks').delete('writer/1')
    await holds(document, 'writer/2')
    const second = await join(port, 'board:live')
    expect(second.doc.getMap('ticks').toJSON()).toEqual({ 'writer/2': true })

    const other = await join(port, 'private:live')
    expect(other.doc.getMap('ticks').size).toBe(0)
    const otherDocument = server.hocuspocus.documents.get('private:live')
    expect(otherDocument && cachedReply(otherDocument)).toBeUndefined()
  })
})
