import { setTick, tickKey } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import { openEmbeddedStorage } from '@co-assess/storage'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// A crash skips the debounced store that compacts a board's log, so a board killed while people
// write would replay a longer log at every start. The server compacts after loading a long log.
let t: TestServer | undefined
afterEach(async () => {
  await t?.stop()
  t = undefined
})

describe('a long log left by a crash', () => {
  it('is compacted after the board is next opened, and keeps every update', async () => {
    t = await startTestServer()
    const { assessmentId, chair } = await t.createAssessment()
    const dataDir = t.dataDir
    await t.stop({ keepData: true })

    // Updates appended one by one, as the server writes them, with no compaction after: what a
    // crash under steady writing leaves behind.
    const storage = await openEmbeddedStorage({ dir: dataDir })
    const writer = new Y.Doc()
    Y.applyUpdate(writer, (await storage.documents.loadDocument(assessmentId))!)
    const updates: Uint8Array[] = []
    writer.on('update', (update: Uint8Array) => updates.push(update))
    const items = Array.from({ length: 700 }, (_, i) => `1a.emerging.${i}`)
    for (const item of items) setTick(writer, chair.person.id, item, true)
    for (const update of updates) await storage.documents.appendUpdate(assessmentId, update)
    expect(await storage.documents.logLength(assessmentId)).toBeGreaterThanOrEqual(700)
    await storage.close()

    t = await startTestServer({}, dataDir)
    const reader = await t.connect(assessmentId, chair.token)
    for (const item of items)
      expect(ticksMap(reader.doc).get(tickKey(chair.person.id, item))?.ticked).toBe(true)
    // Checked while the board is still open: closing it would compact through the ordinary store.
    const documents = t.server.storage.documents
    await waitFor(async () => expect(await documents.logLength(assessmentId)).toBeLessThan(200)) // the server compacts at 200 (persistenceExtension.ts)
    await t.stop({ keepData: true })
    t = undefined

    const after = await openEmbeddedStorage({ dir: dataDir })
    try {
      const stored = new Y.Doc()
      Y.applyUpdate(stored, (await after.documents.loadDocument(assessmentId))!)
      for (const item of items)
        expect(ticksMap(stored).get(tickKey(chair.person.id, item))?.ticked).toBe(true)
    } finally {
      await after.close()
    }
  })
})
