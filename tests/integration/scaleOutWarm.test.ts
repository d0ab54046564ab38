import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { setTick, ticksByArea } from '@co-assess/board-model'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { adminQuery, databaseUrl, newBoard, PG_SERVER, tcpOpen } from '../utils/scaleOutKit.ts'
import { ADMIN_KEY, startTestServer, type TestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// A board kept warm on instance A after its last person left there must not serve stale state when
// people carry on writing on instance B: the warm copy stays subscribed to the board's Redis channel.

const RUN = randomBytes(4).toString('hex')
const DB_NAME = `co_assess_warm_${RUN}`
const PREFIX = `co-assess-test-warm-${RUN}`
const SHARED_REDIS = 'redis://127.0.0.1:6379'

const postgresUp = await adminQuery('SELECT 1').then(
  () => true,
  () => false,
)
const redisUp = await tcpOpen(6379)
const missing = [
  postgresUp ? null : `PostgreSQL at ${new URL(PG_SERVER).host}`,
  redisUp ? null : 'Redis at 127.0.0.1:6379',
]
  .filter(Boolean)
  .join(' or ')
if (missing) console.log(`warm scale-out test skipped: no ${missing} on this machine`)

const ticked = (doc: Y.Doc, personId: string, item: string) =>
  ticksByArea(doc).get(item.split('.')[0]!)?.get(item)?.get(personId)?.ticked === true

describe.skipIf(Boolean(missing))('a board kept warm on one instance while another is written to', () => {
  const servers: TestServer[] = []
  const savedPrefix = process.env.CO_ASSESS_REDIS_PREFIX
  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${DB_NAME}`)
    process.env.CO_ASSESS_REDIS_PREFIX = PREFIX
  })
  afterAll(async () => {
    for (const server of servers) await server.stop()
    if (savedPrefix === undefined) delete process.env.CO_ASSESS_REDIS_PREFIX
    else process.env.CO_ASSESS_REDIS_PREFIX = savedPrefix
    await adminQuery(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`)
    const keys = spawnSync('redis-cli', ['-p', '6379', '--scan', '--pattern', `${PREFIX}*`], {
      encoding: 'utf8',
    })
    const names = keys.stdout?.split('\n').filter(Boolean) ?? []
    if (names.length > 0) spawnSync('redis-cli', ['-p', '6379', 'DEL', ...names])
  })

  /** Two instances on one store; a board made on A, where the chair ticks once and leaves, so A keeps it warm. */
  async function boardWarmOnA(nameA: string, nameB: string) {
    const env = {
      DATABASE_URL: databaseUrl(DB_NAME),
      REDIS_URL: SHARED_REDIS,
      CO_ASSESS_KEEP_WARM_SECONDS: '600',
    }
    const a = await startTestServer({ ...env, CO_ASSESS_INSTANCE_ID: nameA })
    servers.push(a)
    const b = await startTestServer({ ...env, CO_ASSESS_INSTANCE_ID: nameB })
    servers.push(b)
    const board = await newBoard(a.baseUrl, ADMIN_KEY, 1)
    const [chair, participant] = board.writers as [(typeof board.writers)[0], (typeof board.writers)[0]]
    const first = await a.connect(board.id, chair.token)
    setTick(first.doc, chair.person.id, '1a.emerging.1', true)
    await waitFor(() => first.provider.unsyncedChanges === 0)
    first.provider.destroy()
    await waitFor(() => a.server.warmDocuments().includes(board.id))
    const warm = a.server.hocuspocus.documents.get(board.id)!
    return { a, b, board, chair, participant, warm }
  }

  it('keeps up with the other instance, and the person who comes back sees every write', async () => {
    // The chair works on A and leaves: A keeps the board warm.
    const { a, b, board, chair, participant, warm } = await boardWarmOnA('a', 'b')
    expect(warm.getConnectionsCount()).toBe(0)

    // Meanwhile a participant writes on B, is acknowledged (stored) and leaves.
    const onB = await b.connect(board.id, participant.token)
    setTick(onB.doc, participant.person.id, '1a.emerging.2', true)
    setTick(onB.doc, participant.person.id, '1a.emerging.3', true)
    await waitFor(() => onB.provider.unsyncedChanges === 0)
    onB.provider.destroy()

    // A's warm copy, with nobody on it, receives B's writes through Redis.
    await waitFor(() => expect(ticked(warm, participant.person.id, '1a.emerging.3')).toBe(true))

    // The chair comes back to A and is served the warm copy, with everything B took.
    const back = await a.connect(board.id, chair.token)
    expect(a.server.hocuspocus.documents.get(board.id)).toBe(warm)
    await waitFor(() => {
      expect(ticked(back.doc, chair.person.id, '1a.emerging.1')).toBe(true)
      expect(ticked(back.doc, participant.person.id, '1a.emerging.2')).toBe(true)
      expect(ticked(back.doc, participant.person.id, '1a.emerging.3')).toBe(true)
    })
    // Everyone gone and both copies warm, so the servers stop with nothing in flight.
    back.provider.destroy()
    await waitFor(
      () => a.server.warmDocuments().includes(board.id) && b.server.warmDocuments().includes(board.id),
    )
  })

  it('takes a reader’s sync carrying a stored change its own copy missed through Redis', async () => {
    // A holds the board warm, and then hears nothing of it through Redis: as if the instance that
    // stored the next change died before its Redis round trip.
    const { a, b, board, chair, participant, warm } = await boardWarmOnA('a2', 'b2')
    const shared = a.server.hocuspocus.configuration.extensions.find(
      (extension) => extension.extensionName === 'co-assess-redis',
    ) as unknown as { sub: { unsubscribe(channel: string): Promise<unknown> } }
    await shared.sub.unsubscribe(`${PREFIX}:${board.id}`)

    // On B the participant writes (stored, acknowledged); the chair, on B too, receives it.
    const onB = await b.connect(board.id, participant.token)
    const chairOnB = await b.connect(board.id, chair.token)
    setTick(onB.doc, participant.person.id, '1a.emerging.2', true)
    await waitFor(() => onB.provider.unsyncedChanges === 0)
    await waitFor(() => ticked(chairOnB.doc, participant.person.id, '1a.emerging.2'))
    expect(ticked(warm, participant.person.id, '1a.emerging.2')).toBe(false)

    // The chair's copy moves to A (a failover). A reads the store slowly, so the chair's sync, which
    // carries the participant's change under the participant's client id, arrives before A has read it.
    const documents = a.server.storage.documents
    const load = documents.loadDocument.bind(documents)
    let reads = 0
    documents.loadDocument = async (name) => {
      if (name === board.id) {
        reads++
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      return load(name)
    }
    chairOnB.provider.destroy()
    onB.provider.destroy()
    const moved = new HocuspocusProvider({
      url: a.wsUrl,
      name: board.id,
      token: chair.token,
      document: chairOnB.doc,
    })
    let closed = ''
    moved.on('close', ({ event }: { event: { reason: string } }) => {
      closed ||= event.reason
    })
    try {
      await waitFor(() => moved.isSynced && moved.unsyncedChanges === 0)
      setTick(chairOnB.doc, chair.person.id, '1a.emerging.3', true)
      await waitFor(() => ticked(warm, chair.person.id, '1a.emerging.3'))
      expect(closed).toBe('')
      expect(reads).toBeGreaterThan(0)
      expect(ticked(warm, participant.person.id, '1a.emerging.2')).toBe(true)
    } finally {
      documents.loadDocument = load
      moved.destroy()
    }
  })
})
