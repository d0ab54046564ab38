import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ CO_ASSESS_MESSAGES_PER_10S: '40', CO_ASSESS_HTTP_PER_MINUTE: '60' })
})
afterAll(async () => {
  await t.stop()
})

describe('limits', () => {
  it('closes a connection that floods messages, and keeps serving others', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const flood = new RawSyncClient(t.wsUrl, assessmentId)
    await flood.authenticate(chair.token)
    await waitFor(() => flood.isSynced)
    for (let i = 0; i < 100; i++) flood.sendAwareness(flood.doc.clientID, { area: '1a', n: i })
    const closed = await flood.closed
    expect(closed.reason).toMatch(/Too many changes/)
    const calm = await t.connect(assessmentId, chair.token)
    expect(calm.provider.isSynced).toBe(true)
  })

  it('answers too many HTTP requests from one address with 429 and a sentence', async () => {
    let last = { status: 0, body: null as unknown }
    for (let i = 0; i < 70 && last.status !== 429; i++) last = await t.api('/api/frameworks')
    expect(last.status).toBe(429)
    expect((last.body as { message: string }).message).toMatch(/Too many requests/)
  })

  it('does not let a client name its own address to escape the HTTP limit', async () => {
    let status = 0
    for (let i = 0; i < 70 && status !== 429; i++) {
      const response = await fetch(`${t.baseUrl}/api/frameworks`, {
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      })
      await response.arrayBuffer()
      status = response.status
    }
    expect(status).toBe(429)
  })
})
