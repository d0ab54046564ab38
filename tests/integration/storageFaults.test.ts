import type { MetadataStore, Storage } from '@co-assess/storage'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../utils/testServer.ts'

// Storage failing under a request: a full disk, a failing disk, a frozen disk and a closed store,
// injected at the storage port (a real full or frozen disk cannot be made in a test). Each must get a
// 503 with a sentence a person can act on, in bounded time, and the server must recover once it clears.

let t: TestServer
beforeEach(async () => {
  t = await startTestServer({ CO_ASSESS_REQUEST_TIMEOUT_MS: '1500', CO_ASSESS_READY_TIMEOUT_MS: '300' })
})
afterEach(async () => {
  // Let frozen calls finish and put the store back whether the test passed or not, so stop() can close.
  for (const thaw of thaws.splice(0)) thaw()
  for (const restore of restores.splice(0)) restore()
  await t.stop()
})

const restores: Array<() => void> = []
const thaws: Array<() => void> = []

/** An error as Node's fs gives it. */
function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, write`), { code, syscall: 'write', errno: -28 })
}

/** Replaces one method of the store until `restore` is called (or the test ends). */
function inject<T extends object, K extends keyof T>(target: T, key: K, replacement: T[K]): () => void {
  const original = target[key]
  target[key] = replacement
  const restore = () => {
    target[key] = original
  }
  restores.push(restore)
  return restore
}

/** A call that hangs, as on a frozen disk, until `thaw` (or the end of the test) lets it go on. */
function freeze<A extends unknown[], T>(run: (...args: A) => Promise<T>) {
  let thaw = () => {}
  const thawed = new Promise<void>((resolve) => {
    thaw = resolve
  })
  thaws.push(thaw)
  return { call: (...args: A) => thawed.then(() => run(...args)), thaw }
}

async function join(token: string) {
  return t.api(`/api/invites/${token}/join`, {
    body: { displayName: 'Ann', organisation: 'Org', group: 'vcse' },
  })
}

describe('storage faults over HTTP', () => {
  it('answers a join on a full or failing disk with 503 and what to do, then works once it clears', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const invite = await t.invite(assessmentId, chair.token, 'participant')
    const metadata: MetadataStore = t.server.storage.metadata
    for (const [code, expected] of [
      ['ENOSPC', /disk is full.*try again once whoever runs this server has made space/],
      ['EIO', /disk is failing or read-only.*try again in a few minutes/],
    ] as const) {
      const restore = inject(metadata, 'addParticipant', async () => {
        throw fsError(code, 'injected')
      })
      const refused = await join(invite)
      expect(refused.status).toBe(503)
      expect(refused.body).toMatchObject({
        error: 'StorageUnavailable',
        message: expect.stringMatching(expected),
      })
      restore()
    }
    expect((await join(invite)).status).toBe(201)
  })

  it('answers a join within the time limit while the disk is frozen, and recovers when it thaws', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    const invite = await t.invite(assessmentId, chair.token, 'participant')
    const metadata = t.server.storage.metadata
    const frozen = freeze(metadata.addParticipant.bind(metadata))
    const restore = inject(metadata, 'addParticipant', frozen.call)
    const hung = await join(invite)
    expect(hung.status).toBe(503)
    expect(hung.body.message).toMatch(/took too long to answer.*storage is not responding/)
    frozen.thaw()
    restore()
    expect((await join(invite)).status).toBe(201)
  })

  it('is not ready while the store cannot take a write: full, frozen or closed', async () => {
    const storage: Storage = t.server.storage
    expect((await t.api('/api/ready')).status).toBe(200)

    const restoreFull = inject(storage, 'checkWritable', async () => {
      throw fsError('ENOSPC', 'injected')
    })
    const full = await t.api('/api/ready')
    expect(full.status).toBe(503)
    expect(full.body.message).toMatch(/disk is full/)
    restoreFull()
    expect((await t.api('/api/ready')).status).toBe(200)

    const frozen = freeze(storage.checkWritable.bind(storage))
    const restoreFrozen = inject(storage, 'checkWritable', frozen.call)
    const stuck = await t.api('/api/ready')
    expect(stuck.status).toBe(503)
    expect(stuck.body.message).toMatch(/did not take a test write within 300 ms/)
    frozen.thaw()
    restoreFrozen()
    expect((await t.api('/api/ready')).status).toBe(200)

    // Closed for real: the embedded store refuses the probe itself.
    await storage.close()
    const closed = await t.api('/api/ready')
    expect(closed.status).toBe(503)
    expect(closed.body.message).toMatch(/cannot reach its store/)
  })
})
