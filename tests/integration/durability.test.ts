import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTick, tickKey } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type ChildServer, freePort, startChildServer, stopAllChildServers } from '../utils/childServer.ts'
import { frameworkItems } from '../utils/frameworkItems.ts'
import { waitFor } from '../utils/waitFor.ts'

const ADMIN_KEY = 'durability-admin-key-0123456789'
const TRIALS = Number(process.env.DURABILITY_TRIALS ?? 20)
const dataDir = mkdtempSync(join(tmpdir(), 'co-assess-durability-'))
// The server is stopped whether the trials pass or fail, before its data goes.
afterAll(async () => {
  await stopAllChildServers()
  rmSync(dataDir, { recursive: true, force: true })
})

async function api(base: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return response.json() as Promise<any>
}

describe('durability under SIGKILL', () => {
  it(`finds every update the server acknowledged after ${TRIALS} kills at random moments`, async () => {
    const port = await freePort()
    const env = { CO_ASSESS_DATA_DIR: dataDir, CO_ASSESS_ADMIN_KEY: ADMIN_KEY }
    let server: ChildServer = await startChildServer(env, port)
    const created = await api(
      server.baseUrl,
      '/api/assessments',
      { title: 'Durability', frameworkId: 'cqc-hi-2025', scope: 'operational', workstream: 'x' },
      ADMIN_KEY,
    )
    const assessmentId: string = created.assessment.id
    const chair = await api(server.baseUrl, `/api/invites/${created.chairInvite.token}/join`, {
      displayName: 'Chair',
      organisation: 'ICB',
      group: 'ics',
    })
    const writers = [chair]
    for (const group of ['vcse', 'lived-experience']) {
      const invite = await api(
        server.baseUrl,
        `/api/assessments/${assessmentId}/invites`,
        { role: 'participant', expiresInDays: 1 },
        chair.token,
      )
      writers.push(
        await api(server.baseUrl, `/api/invites/${invite.token}/join`, {
          displayName: group,
          organisation: 'Org',
          group,
        }),
      )
    }

    // Writers cycle through the framework's items; each write carries a stamp higher than any before
    // it, so an acknowledged write survived if its key holds that stamp or a later one.
    const { items } = frameworkItems()
    const acknowledged: Array<{ key: string; at: number }> = []
    let attempted = 0
    let stamp = 0
    for (let trial = 1; trial <= TRIALS; trial++) {
      const providers = writers.map((writer) => {
        const doc = new Y.Doc()
        const provider = new HocuspocusProvider({
          url: server.wsUrl,
          name: assessmentId,
          token: writer.token,
          document: doc,
        })
        return { writer, doc, provider }
      })
      await waitFor(() => providers.every((p) => p.provider.isSynced))
      let killed = false
      const writing = providers.map(async ({ writer, doc, provider }, index) => {
        for (let n = 1; n <= 999 && !killed; n++) {
          const item = items[(n * 7 + index * 101) % items.length]!
          const at = ++stamp
          setTick(doc, writer.person.id, item, n % 2 === 0, at)
          attempted++
          try {
            await waitFor(() => provider.unsyncedChanges === 0 || killed, { timeout: 5000, interval: 1 })
          } catch {
            return
          }
          if (provider.unsyncedChanges === 0 && !killed)
            acknowledged.push({ key: tickKey(writer.person.id, item), at })
        }
      })
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400))
      // Mark first, then kill: an ack read after this point is not counted, which only makes the check stricter.
      killed = true
      await server.kill('SIGKILL')
      await Promise.all(writing)
      for (const { provider } of providers) provider.destroy()
      server = await startChildServer(env, port)
    }

    const doc = new Y.Doc()
    const reader = new HocuspocusProvider({
      url: server.wsUrl,
      name: assessmentId,
      token: chair.token,
      document: doc,
    })
    await waitFor(() => reader.isSynced)
    const stored = ticksMap(doc)
    const missing = acknowledged.filter(({ key, at }) => (stored.get(key)?.at ?? -1) < at)
    console.log(
      `durability: ${TRIALS} SIGKILL trials, ${attempted} writes attempted, ${acknowledged.length} acknowledged, ${missing.length} lost`,
    )
    reader.destroy()
    // A clean stop saves everything and exits 0.
    expect(await server.kill('SIGTERM')).toBe(0)
    expect(acknowledged.length).toBeGreaterThan(TRIALS)
    expect(missing).toEqual([])
  })
})
