import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RawSyncClient } from '../utils/rawSyncClient.ts'
import { startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let t: TestServer
/** A web build of its own (a page and two scripts), so the static routes are those this test asks for. */
let webDist: string
beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), 'co-assess-limits-web-'))
  await mkdir(join(webDist, 'assets'))
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Co-assess</title>')
  await writeFile(join(webDist, 'assets', 'board.js'), 'export {}')
  await writeFile(join(webDist, 'assets', 'board.css'), 'body{}')
  t = await startTestServer({
    CO_ASSESS_MESSAGES_PER_10S: '40',
    CO_ASSESS_HTTP_PER_MINUTE: '60',
    CO_ASSESS_WEB_DIST: webDist,
  })
})
afterAll(async () => {
  await t.stop()
  await rm(webDist, { recursive: true, force: true })
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

  // Runs before the tests below use up the address's API allowance (60 a minute here).
  it("does not count the web app's own files against the API's limit (a room behind one address)", async () => {
    const files = ['/', '/assets/board.js', '/assets/board.css', '/a/some-board/areas/1a']
    for (let i = 0; i < 100; i++) {
      const response = await fetch(`${t.baseUrl}${files[i % files.length]}`)
      await response.arrayBuffer()
      expect(response.status).toBe(200)
    }
    expect((await t.api('/api/frameworks')).status).toBe(200)
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
