import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { ADMIN_KEY, startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ CO_ASSESS_MAX_MESSAGE_BYTES: String(64 * 1024) })
})
afterAll(async () => {
  await t.stop()
})

async function stillServing() {
  expect((await t.api('/api/health')).status).toBe(200)
  const { assessmentId, chair } = await t.createAssessment()
  const client = await t.connect(assessmentId, chair.token)
  expect(client.provider.isSynced).toBe(true)
}

describe('bad HTTP input gets a clear 4xx and changes nothing', () => {
  it('answers bad JSON, missing fields and wrong types with a sentence naming the problem', async () => {
    const badJson = await t.api('/api/assessments', { token: ADMIN_KEY, body: '{"title": ' })
    expect(badJson.status).toBe(400)
    expect(badJson.body.message).toMatch(/not valid JSON/)
    const missing = await t.api('/api/assessments', {
      token: ADMIN_KEY,
      body: { frameworkId: 'cqc-hi-2025', scope: 'strategic', workstream: 'w' },
    })
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(/title/i)
    const wrongScope = await t.api('/api/assessments', {
      token: ADMIN_KEY,
      body: { title: 't', frameworkId: 'cqc-hi-2025', scope: 'everything', workstream: 'w' },
    })
    expect(wrongScope.status).toBe(400)
    expect(wrongScope.body.message).toMatch(/scope/i)
    const unknownFramework = await t.api('/api/assessments', {
      token: ADMIN_KEY,
      body: { title: 't', frameworkId: 'nope', scope: 'strategic', workstream: 'w' },
    })
    expect(unknownFramework.status).toBe(400)
    expect(unknownFramework.body.message).toMatch(/no framework "nope"/)
    const noKey = await t.api('/api/assessments', {
      body: { title: 't', frameworkId: 'cqc-hi-2025', scope: 'strategic', workstream: 'w' },
    })
    expect(noKey.status).toBe(401)
    expect((await t.server.storage.metadata.listAssessments()).length).toBe(0)
  })

  it('refuses unknown, malformed and misused invite links and bad join details', async () => {
    expect((await t.api('/api/invites/short')).status).toBe(400)
    const unknown = await t.api('/api/invites/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
    expect(unknown.status).toBe(404)
    expect(unknown.body.message).toMatch(/not known/)
    const { assessmentId, chair } = await t.createAssessment()
    const invite = await t.invite(assessmentId, chair.token, 'participant')
    const control = await t.api(`/api/invites/${invite}/join`, {
      body: { displayName: 'a\u0000b', organisation: 'o', group: 'ics' },
    })
    expect(control.status).toBe(400)
    const badGroup = await t.api(`/api/invites/${invite}/join`, {
      body: { displayName: 'Ann', organisation: 'o', group: 'boss' },
    })
    expect(badGroup.status).toBe(400)
    expect(badGroup.body.message).toMatch(/group/)
    const participant = await t.join(invite, 'Ann', 'vcse')
    const notChair = await t.api(`/api/assessments/${assessmentId}/invites`, {
      token: participant.token,
      body: { role: 'chair', expiresInDays: 1 },
    })
    expect(notChair.status).toBe(403)
    expect(notChair.body.message).toMatch(/Only a chair/)
  })

  it('serves an OpenAPI description', async () => {
    const spec = await t.api('/api/openapi.json')
    expect(spec.status).toBe(200)
    expect(spec.body.openapi).toMatch(/^3/)
    expect(Object.keys(spec.body.paths)).toContain('/api/assessments')
  })
})

describe('bad WebSocket input closes that connection and nothing else', () => {
  it('closes on an oversized frame', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const raw = new RawSyncClient(t.wsUrl, assessmentId)
    await raw.authenticate(chair.token)
    raw.sendBytes(new Uint8Array(200 * 1024))
    expect((await raw.closed).code).toBe(1009)
    await stillServing()
  })

  it('closes on malformed frames, before and after authentication', async () => {
    const early = new RawSyncClient(t.wsUrl, 'whatever')
    await early.open()
    early.sendBytes(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 1]))
    await early.closed
    const { assessmentId, chair } = await t.createAssessment()
    const late = new RawSyncClient(t.wsUrl, assessmentId)
    await late.authenticate(chair.token)
    await waitFor(() => late.isSynced)
    late.sendUpdate(new Uint8Array([9, 9, 9, 9, 9, 9]))
    expect((await late.closed).code).toBeGreaterThanOrEqual(1000)
    await stillServing()
  })

  it('refuses invalid document names before using them', async () => {
    const { chair } = await t.createAssessment()
    for (const name of ['../../etc/passwd', 'a b', 'x'.repeat(300), 'abc.blind.', '']) {
      const raw = new RawSyncClient(t.wsUrl, name)
      await raw.authenticate(chair.token)
      const closed = await raw.closed
      expect(raw.isSynced).toBe(false)
      expect(closed.code).not.toBe(1000)
    }
    await stillServing()
  })

  it('refuses an upgrade from another site, and on other paths', async () => {
    const refused = (url: string, headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, { headers })
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        socket.on('open', () => resolve(101))
        socket.on('error', () => resolve(-1))
      })
    expect(await refused(t.wsUrl, { origin: 'https://evil.example' })).toBe(403)
    expect(await refused(t.wsUrl.replace('/sync', '/elsewhere'), {})).toBe(404)
    expect(await refused(t.wsUrl, { origin: t.baseUrl })).toBe(101)
  })
})

describe('bad sign-ins', () => {
  it('checks sign-in before reading a body, so someone not signed in learns nothing about its fields', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const participant = await t.join(await t.invite(assessmentId, chair.token, 'participant'), 'Pat', 'vcse')
    const assessments = (await t.server.storage.metadata.listAssessments()).length
    const post = (path: string, body: string, token?: string) =>
      fetch(`${t.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
      })
    // A body that would not even parse: the answer is about sign-in, so it was never read as JSON.
    for (const body of ['{}', '{"title": ']) {
      const created = await post('/api/assessments', body)
      expect(created.status).toBe(401)
      expect(((await created.json()) as { message: string }).message).toMatch(/Sign in|admin key/)
    }
    expect((await post('/api/assessments', '{}', 'wrong-key')).status).toBe(401)
    // 19 MB that is not JSON, under the import's 20 MB limit: refused for want of the key, not parsed.
    const huge = `{"format": "${'x'.repeat(19 * 1024 * 1024)}`
    const imported = await post('/api/assessments/import', huge)
    expect(imported.status).toBe(401)
    // Signed in but not a chair: the role is refused before the (bad) body is looked at.
    const notChair = await post(`/api/assessments/${assessmentId}/invites`, '{"role": 7', participant.token)
    expect(notChair.status).toBe(403)
    expect(((await notChair.json()) as { message: string }).message).toMatch(/Only a chair/)
    // A chair with a bad body still gets the 400 that names the field.
    const badBody = await post(`/api/assessments/${assessmentId}/invites`, '{"role": "boss"}', chair.token)
    expect(badBody.status).toBe(400)
    expect(((await badBody.json()) as { message: string }).message).toMatch(/role/)
    expect((await t.server.storage.metadata.listAssessments()).length).toBe(assessments)
  })

  it('answers a missing, malformed or oversized sign-in with 401 and a sentence', async () => {
    const { assessmentId } = await t.createAssessment()
    const path = `/api/assessments/${assessmentId}`
    for (const authorization of [
      undefined,
      'Basic abc',
      'Bearer not-a-token',
      `Bearer ${'x'.repeat(5000)}`,
    ]) {
      const response = await fetch(`${t.baseUrl}${path}`, {
        headers: authorization ? { authorization } : {},
      })
      expect(response.status).toBe(401)
      expect(((await response.json()) as { message: string }).message).toMatch(/sign|token/i)
    }
  })
})
