import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

type Presence = { user: { name: string; role: string }; area: string | null }

describe('presence', () => {
  it("a connection cannot speak for another person's presence entry", async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const vic = await t.join(await t.invite(assessmentId, chair.token, 'participant'), 'Vic', 'vcse')
    const mallory = await t.join(await t.invite(assessmentId, chair.token, 'participant'), 'Mal', 'ics')
    const victim = await t.connect(assessmentId, vic.token)
    const watcher = await t.connect(assessmentId, chair.token)
    victim.provider.setAwarenessField('area', '1a')
    const victimId = victim.doc.clientID
    const seen = () => watcher.provider.awareness!.getStates().get(victimId) as Presence | undefined
    await waitFor(() => expect(seen()).toMatchObject({ user: { name: 'Vic' }, area: '1a' }))

    const raw = new RawSyncClient(t.wsUrl, assessmentId)
    await raw.authenticate(mallory.token)
    await waitFor(() => raw.isSynced)
    // Mallory claims Vic's client id, then her own: only her own entry gets through.
    // A clock far ahead of Vic's, so an unguarded server would take the entry as the newest.
    raw.sendAwareness(victimId, { area: '7f' }, 1_000_000)
    raw.sendAwareness(raw.doc.clientID, { area: '2b' })
    await waitFor(() =>
      expect(watcher.provider.awareness!.getStates().get(raw.doc.clientID)).toMatchObject({
        user: { name: 'Mal' },
        area: '2b',
      }),
    )
    expect(seen()).toMatchObject({ user: { name: 'Vic' }, area: '1a' })
  })
})
