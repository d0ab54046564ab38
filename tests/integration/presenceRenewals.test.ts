import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

describe('presence renewals', () => {
  it('relays a burst of unchanged renewals as one message, and a change at once', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const vic = await t.join(await t.invite(assessmentId, chair.token, 'participant'), 'Vic', 'vcse')
    const renewing = await t.connect(assessmentId, vic.token)
    const watcher = await t.connect(assessmentId, chair.token)
    const awareness = renewing.provider.awareness!
    const id = renewing.doc.clientID
    renewing.provider.setAwarenessField('area', '1a')
    await waitFor(() => expect(watcher.provider.awareness!.getStates().get(id)).toMatchObject({ area: '1a' }))

    // Every update the watcher receives about the renewing client, and the clock it carries.
    const heard: number[] = []
    watcher.provider.awareness!.on('update', ({ updated }: { updated: number[] }) => {
      if (updated.includes(id)) heard.push(watcher.provider.awareness!.meta.get(id)!.clock)
    })
    const before = watcher.provider.awareness!.meta.get(id)!.clock
    // Three renewals, as y-protocols sends them: the same state again, each with the next clock.
    for (let i = 0; i < 3; i++) awareness.setLocalState(awareness.getLocalState())
    await waitFor(() => expect(heard.length).toBeGreaterThan(0), { timeout: 10_000 })
    // One message, carrying the clock of the last renewal.
    expect(heard).toEqual([before + 3])
    expect(watcher.provider.awareness!.getStates().get(id)).toMatchObject({
      user: { name: 'Vic' },
      area: '1a',
    })

    // A change after the renewals is newer than the relayed clock, and reaches the watcher.
    renewing.provider.setAwarenessField('area', '2b')
    await waitFor(() => expect(watcher.provider.awareness!.getStates().get(id)).toMatchObject({ area: '2b' }))
  })
})
