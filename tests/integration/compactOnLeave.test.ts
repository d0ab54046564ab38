import { setTick, tickKey } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// A board reopened from disk used to merge its snapshot and log before the first person back saw
// anything; folding the log in when the last person leaves makes the next open read one part.
let t: TestServer
beforeEach(async () => {
  // Unloaded at once, so the next open reads the store.
  t = await startTestServer({ CO_ASSESS_KEEP_WARM_SECONDS: '0' })
})
afterEach(async () => {
  await t.stop()
})

describe('a board the last person leaves', () => {
  it('is stored as one snapshot, with every update in it', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const documents = t.server.storage.documents
    const writer = await t.connect(assessmentId, chair.token)
    setTick(writer.doc, chair.person.id, '1a.emerging.1', true)
    await waitFor(() => writer.provider.unsyncedChanges === 0)
    expect(await documents.logLength(assessmentId)).toBeGreaterThan(0)
    writer.provider.destroy()
    await waitFor(async () => expect(await documents.logLength(assessmentId)).toBe(0))
    await waitFor(() => !t.server.hocuspocus.documents.has(assessmentId))
    const reader = await t.connect(assessmentId, chair.token)
    expect(ticksMap(reader.doc).get(tickKey(chair.person.id, '1a.emerging.1'))?.ticked).toBe(true)
  })
})
