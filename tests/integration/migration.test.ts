import { SCHEMA_VERSION } from '@co-assess/board-model'
import { metaMap, peopleMap } from '@co-assess/board-model/roots'
import { openEmbeddedStorage } from '@co-assess/storage'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// A board stored by older code is brought up to date by the server as it loads, before anyone syncs,
// and the change is stored like any other server write.
let t: TestServer | undefined
afterEach(async () => {
  await t?.stop()
  t = undefined
})

async function storedBoard(dataDir: string, assessmentId: string): Promise<Y.Doc> {
  const storage = await openEmbeddedStorage({ dir: dataDir })
  try {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (await storage.documents.loadDocument(assessmentId))!)
    return doc
  } finally {
    await storage.close()
  }
}

describe('a board stored by version 1 of the code', () => {
  it('is migrated when the server loads it: the first sync already has the new shape, and it is stored', async () => {
    t = await startTestServer()
    const { assessmentId, chair } = await t.createAssessment()
    const dataDir = t.dataDir
    await t.stop({ keepData: true })

    // Turn the stored board back into what version 1 wrote: no groups on the board, and a person
    // who typed "none" because Organisation was required.
    const storage = await openEmbeddedStorage({ dir: dataDir })
    const old = new Y.Doc()
    Y.applyUpdate(old, (await storage.documents.loadDocument(assessmentId))!)
    const before = Y.encodeStateVector(old)
    old.transact(() => {
      metaMap(old).set('schemaVersion', 1)
      metaMap(old).delete('groups')
      const chairPerson = peopleMap(old).get(chair.person.id)!
      peopleMap(old).set(chair.person.id, { ...chairPerson, organisation: 'none' })
    })
    await storage.documents.appendUpdate(assessmentId, Y.encodeStateAsUpdate(old, before))
    await storage.close()
    expect(metaMap(await storedBoard(dataDir, assessmentId)).get('schemaVersion')).toBe(1)

    t = await startTestServer({}, dataDir)
    const { doc } = await t.connect(assessmentId, chair.token)
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(metaMap(doc).get('groups')).toBeDefined()
    expect(peopleMap(doc).get(chair.person.id)?.organisation).toBe('')
    await waitFor(async () => {
      const stored = await t!.server.storage.documents.loadDocument(assessmentId)
      const copy = new Y.Doc()
      Y.applyUpdate(copy, stored!)
      expect(metaMap(copy).get('schemaVersion')).toBe(SCHEMA_VERSION)
    })
    await t.stop({ keepData: true })
    t = undefined

    const after = await storedBoard(dataDir, assessmentId)
    expect(metaMap(after).get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(peopleMap(after).get(chair.person.id)?.organisation).toBe('')
  })
})
