import { setTick, tickKey } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// A token is checked when a connection opens; these tests hold a connection open while access ends.
let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

function inviteIdOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'))
  return payload.iid as string
}

async function room() {
  const { assessmentId, chair } = await t.createAssessment()
  const vcse = await t.join(await t.invite(assessmentId, chair.token, 'participant'), 'Vic', 'vcse')
  const chairClient = await t.connect(assessmentId, chair.token)
  const vcseClient = await t.connect(assessmentId, vcse.token)
  const closes: string[] = []
  vcseClient.provider.on('close', ({ event }: { event: { reason?: string } }) =>
    closes.push(event.reason ?? ''),
  )
  return { assessmentId, chair, vcse, chairClient, vcseClient, closes }
}

describe('access that ends while a connection is open', () => {
  it('a withdrawn invite closes the live connection at once, and its later writes reach no one', async () => {
    const r = await room()
    const response = await t.api(`/api/assessments/${r.assessmentId}/invites/${inviteIdOf(r.vcse.token)}`, {
      method: 'DELETE',
      token: r.chair.token,
    })
    expect(response.status).toBe(200)
    await waitFor(() => expect(r.closes.join(' ')).toMatch(/withdrawn by the chair/))

    setTick(r.vcseClient.doc, r.vcse.person.id, '1a.emerging.1', true)
    // The chair's own tick afterwards proves the room is still live while the withdrawn one is kept out.
    setTick(r.chairClient.doc, r.chair.person.id, '1a.emerging.2', true)
    const chairTick = tickKey(r.chair.person.id, '1a.emerging.2')
    const other = await t.connect(r.assessmentId, r.chair.token)
    await waitFor(() => expect(ticksMap(other.doc).has(chairTick)).toBe(true))
    expect(ticksMap(other.doc).has(tickKey(r.vcse.person.id, '1a.emerging.1'))).toBe(false)
  })

  it('the periodic check closes connections whose token has expired', async () => {
    const r = await room()
    // Two and a half hours on, every access token of this room has run out (they last two hours).
    expect(await t.server.sweepAccess(Date.now() + 2.5 * 60 * 60 * 1000)).toBe(2)
    await waitFor(() => expect(r.closes.join(' ')).toMatch(/sign-in has expired/))
    // Now, nothing has expired: the check leaves live connections alone.
    const fresh = await room()
    expect(await t.server.sweepAccess()).toBe(0)
    expect(fresh.closes).toEqual([])
  })

  it('the periodic check closes connections whose invite was withdrawn on another instance', async () => {
    const r = await room()
    // The withdrawal lands in the shared store, as it would from another instance's HTTP request.
    await t.server.storage.metadata.revokeInvite(inviteIdOf(r.vcse.token), new Date().toISOString())
    expect(await t.server.sweepAccess()).toBe(1)
    await waitFor(() => expect(r.closes.join(' ')).toMatch(/withdrawn by the chair/))
    expect(r.chairClient.provider.isSynced).toBe(true)
  })
})
