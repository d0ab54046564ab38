import { peopleMap } from '@co-assess/board-model/roots'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../utils/testServer.ts'

// A change the server makes itself (a person joining) that the store refuses is not reported as
// done: the request that made it is told, and the change is stored with the next snapshot once the
// store takes writes again, so it survives a restart.

let t: TestServer | null = null
afterEach(async () => {
  await t?.stop()
  t = null
})

describe('a server write the store refuses', () => {
  it('fails the request that made it, and is stored with the next snapshot once the disk recovers', async () => {
    t = await startTestServer()
    const { assessmentId, chair } = await t.createAssessment()
    const invite = await t.invite(assessmentId, chair.token, 'participant')
    const documents = t.server.storage.documents
    const append = documents.appendUpdate.bind(documents)
    const compact = documents.compact.bind(documents)
    let diskFull = true
    const noSpace = () =>
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    documents.appendUpdate = async (name, update) => {
      if (diskFull && name === assessmentId) throw noSpace()
      return append(name, update)
    }
    // A full disk refuses the snapshot that would carry the write, too.
    documents.compact = async (name, state) => {
      if (diskFull && name === assessmentId) throw noSpace()
      return compact(name, state)
    }
    const refused = await t.api(`/api/invites/${invite}/join`, {
      body: { displayName: 'Dana Disk', organisation: 'Full Disk CIC', group: 'vcse' },
    })
    expect(refused.status).toBe(503)
    expect(refused.body.message).toMatch(/space|disk|store/i)

    // The disk recovers; stopping the server stores every document, with the write kept in memory.
    diskFull = false
    const dataDir = t.dataDir
    await t.stop({ keepData: true })
    t = await startTestServer({}, dataDir)
    const reader = await t.connect(assessmentId, chair.token)
    expect([...peopleMap(reader.doc).values()].map((p) => p.name)).toContain('Dana Disk')
  })
})
