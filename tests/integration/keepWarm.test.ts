import { setTick, ticksByArea } from '@co-assess/board-model'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { ADMIN_KEY, startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// A room that comes back after a break re-opens its board from memory, as fast as a live board, and
// nothing about what is stored changes: the log is still folded into a snapshot on the last leave.
let t: TestServer | null = null
afterEach(async () => {
  await t?.stop()
  t = null
})

const ITEM = '1a.emerging.1'
const ticked = (doc: Y.Doc, personId: string, item: string) =>
  ticksByArea(doc).get(item.split('.')[0]!)?.get(item)?.get(personId)?.ticked === true

/** A board with the chair's tick on it, acknowledged, and the chair gone again. */
async function boardLeftBehind(server: TestServer) {
  const { assessmentId, chair } = await server.createAssessment()
  const writer = await server.connect(assessmentId, chair.token)
  setTick(writer.doc, chair.person.id, ITEM, true)
  await waitFor(() => writer.provider.unsyncedChanges === 0)
  const document = server.server.hocuspocus.documents.get(assessmentId)!
  writer.provider.destroy()
  await waitFor(() => server.server.warmDocuments().includes(assessmentId))
  return { assessmentId, chair, document }
}

describe('a board the last person leaves', () => {
  it('stays in memory, stored as one snapshot, and the next person is served from it', async () => {
    t = await startTestServer({ CO_ASSESS_KEEP_WARM_SECONDS: '600' })
    const { assessmentId, chair, document } = await boardLeftBehind(t)
    const documents = t.server.storage.documents
    await waitFor(async () => expect(await documents.logLength(assessmentId)).toBe(0))
    expect(t.server.hocuspocus.documents.get(assessmentId)).toBe(document)
    expect(document.getConnectionsCount()).toBe(0)

    const back = await t.connect(assessmentId, chair.token)
    expect(ticked(back.doc, chair.person.id, ITEM)).toBe(true)
    expect(t.server.hocuspocus.documents.get(assessmentId)).toBe(document)
    // Live again, so no longer counted among the warm.
    setTick(back.doc, chair.person.id, '1a.emerging.2', true)
    await waitFor(() => back.provider.unsyncedChanges === 0)
    back.provider.destroy()
    await waitFor(() => t!.server.warmDocuments().includes(assessmentId))

    // Everything was stored before it was acknowledged: a restart (which also unloads) loses nothing.
    const dataDir = t.dataDir
    await t.stop({ keepData: true })
    t = await startTestServer({}, dataDir)
    const reopened = await t.connect(assessmentId, chair.token)
    expect(ticked(reopened.doc, chair.person.id, '1a.emerging.2')).toBe(true)
  })

  it('is let go when its time is up, and the oldest goes first past the cap', async () => {
    t = await startTestServer({ CO_ASSESS_KEEP_WARM_SECONDS: '0.2' })
    const short = await boardLeftBehind(t)
    await waitFor(() => !t!.server.hocuspocus.documents.has(short.assessmentId))
    expect(t.server.warmDocuments()).toEqual([])
    await t.stop()

    t = await startTestServer({ CO_ASSESS_KEEP_WARM_SECONDS: '600', CO_ASSESS_KEEP_WARM_MAX: '2' })
    const first = await boardLeftBehind(t)
    const second = await boardLeftBehind(t)
    expect(t.server.warmDocuments()).toEqual([first.assessmentId, second.assessmentId])
    const third = await boardLeftBehind(t)
    await waitFor(() => !t!.server.hocuspocus.documents.has(first.assessmentId))
    expect(t.server.warmDocuments()).toEqual([second.assessmentId, third.assessmentId])
    expect(t.server.hocuspocus.documents.has(second.assessmentId)).toBe(true)
    // The one let go opens from the store with everything on it.
    const reader = await t.connect(first.assessmentId, first.chair.token)
    expect(ticked(reader.doc, first.chair.person.id, ITEM)).toBe(true)
  })

  it('is unloaded at once when its assessment is deleted', async () => {
    t = await startTestServer({ CO_ASSESS_KEEP_WARM_SECONDS: '600' })
    const { assessmentId } = await boardLeftBehind(t)
    const deleted = await t.api(`/api/assessments/${assessmentId}`, {
      method: 'DELETE',
      token: ADMIN_KEY,
      body: { confirmTitle: 'Test assessment' },
    })
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    expect(t.server.hocuspocus.documents.has(assessmentId)).toBe(false)
    expect(t.server.warmDocuments()).toEqual([])
    expect(await t.server.storage.documents.loadDocument(assessmentId)).toBeNull()
  })
})
