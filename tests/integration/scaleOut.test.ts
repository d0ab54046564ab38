import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTick, tickKey } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type ChildServer, freePort, startChildServer } from '../utils/childServer.ts'
import { frameworkItems } from '../utils/frameworkItems.ts'
import {
  adminQuery,
  databaseUrl,
  hasAll,
  newBoard,
  type Person,
  PG_SERVER,
  startRedis,
  stopProcess,
  storedTickCounts,
  tcpOpen,
} from '../utils/scaleOutKit.ts'
import { waitFor } from '../utils/waitFor.ts'

// Two server processes behind no proxy: each client picks its instance, so that the test can put a
// board's clients on both at once. Clients add ?board=<id> to the URL exactly as they would behind the
// proxy. scaleOutProxy.test.ts runs the same topology behind a proxy that routes as docker/nginx.conf.

const RUN = randomBytes(4).toString('hex')
const ADMIN_KEY = `scale-admin-key-${RUN}-0123456789`
const SHARED_REDIS = 'redis://127.0.0.1:6379'
const DB_NAME = `co_assess_scale_${RUN}`
const dbUrl = databaseUrl(DB_NAME)
const MAIN = resolve(import.meta.dirname, '../../apps/server/src/main.ts')
// The write gate takes ticks only of the framework's own items: the k-th one, for a tick numbered k.
const { items } = frameworkItems()
const item = (k: number) => items[k]!

const postgresUp = await adminQuery('SELECT 1').then(
  () => true,
  () => false,
)
const redisUp = (await tcpOpen(6379)) && spawnSync('redis-server', ['--version']).status === 0
const missing = [
  postgresUp ? null : `PostgreSQL at ${new URL(PG_SERVER).host}`,
  redisUp ? null : 'Redis at 127.0.0.1:6379 (with redis-server)',
]
  .filter(Boolean)
  .join(' or ')
if (missing) console.log(`scale-out tests skipped: no ${missing} on this machine`)

interface Client {
  writer: Person
  doc: Y.Doc
  provider: HocuspocusProvider
}

function client(server: ChildServer, board: string, writer: Person, doc = new Y.Doc()): Client {
  const provider = new HocuspocusProvider({
    url: `${server.wsUrl}?board=${board}`,
    name: board,
    token: writer.token,
    document: doc,
  })
  return { writer, doc, provider }
}

/** Ticks an item and resolves once the instance has acknowledged it (stored, then applied). */
async function tick(c: Client, item: string): Promise<string> {
  setTick(c.doc, c.writer.person.id, item, true)
  await waitFor(() => c.provider.unsyncedChanges === 0, { timeout: 10_000, interval: 2 })
  return tickKey(c.writer.person.id, item)
}

/** Resolves when `key` appears in `doc`, with the milliseconds it took from `since`. */
function arrival(doc: Y.Doc, key: string, since: number): Promise<number> {
  return new Promise((done) => {
    const map = ticksMap(doc)
    const check = () => {
      if (!map.has(key)) return
      map.unobserve(check)
      done(performance.now() - since)
    }
    map.observe(check)
    check()
  })
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!

/** Runs the server entry point expecting it to refuse to start; returns its exit code and output. */
function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CO_ASSESS_LOG_LEVEL: 'warn',
        CO_ASSESS_ADMIN_KEY: ADMIN_KEY,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      done({ code, output: output.trim() })
    })
  })
}

describe.skipIf(Boolean(missing))('scale-out: two instances on Redis and PostgreSQL', () => {
  const servers: ChildServer[] = []
  const redises: ChildProcess[] = []
  const providers: HocuspocusProvider[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'co-assess-scale-'))
  const baseEnv = {
    DATABASE_URL: dbUrl,
    CO_ASSESS_ADMIN_KEY: ADMIN_KEY,
    CO_ASSESS_TOKEN_SECRET: `scale-token-secret-${RUN}-0123456789abcdef`,
    CO_ASSESS_REDIS_PREFIX: `co-assess-test-${RUN}`,
    CO_ASSESS_DATA_DIR: dataDir,
  }
  const start = async (redisUrl: string, instance: string) => {
    const server = await startChildServer({
      ...baseEnv,
      REDIS_URL: redisUrl,
      CO_ASSESS_INSTANCE_ID: instance,
    })
    servers.push(server)
    return server
  }
  const track = (c: Client) => {
    providers.push(c.provider)
    return c
  }

  beforeAll(() => adminQuery(`CREATE DATABASE ${DB_NAME}`))
  afterAll(async () => {
    for (const provider of providers) provider.destroy()
    await Promise.all(servers.map((server) => server.kill('SIGKILL')))
    await Promise.all(redises.map((redis) => stopProcess(redis)))
    await adminQuery(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`)
    rmSync(dataDir, { recursive: true, force: true })
    // Leave the machine's Redis as it was found: drop whatever this run's prefix left behind.
    const keys = spawnSync(
      'redis-cli',
      ['-p', '6379', '--scan', '--pattern', `${baseEnv.CO_ASSESS_REDIS_PREFIX}*`],
      {
        encoding: 'utf8',
      },
    )
    const names = keys.stdout?.split('\n').filter(Boolean) ?? []
    if (names.length > 0) spawnSync('redis-cli', ['-p', '6379', 'DEL', ...names])
  })

  it('converges across instances, stores each update once, and loses nothing acknowledged when an instance is killed', async () => {
    const a = await start(SHARED_REDIS, 'a')
    const b = await start(SHARED_REDIS, 'b')
    await waitFor(() => a.output().includes('sync shared through Redis'))
    const board = await newBoard(a.baseUrl, ADMIN_KEY, 3)
    // The chair and one participant on instance A, two participants on B: all tick area 1a at once.
    const clients = board.writers.map((writer, n) => track(client(n < 2 ? a : b, board.id, writer)))
    await waitFor(() => clients.every((c) => c.provider.isSynced))
    const written = new Set<string>()
    await Promise.all(
      clients.map(async (c) => {
        for (let i = 1; i <= 15; i++) written.add(await tick(c, item(i)))
      }),
    )
    await waitFor(() => clients.every((c) => hasAll(c.doc, written)))

    // Presence crosses instances, rewritten from the sender's token on the instance it connected to.
    clients[1]!.provider.setAwarenessField('area', '1a')
    await waitFor(() =>
      [...clients[2]!.provider.awareness!.getStates().values()].some(
        (s) => s.user?.id === board.writers[1]!.person.id && s.area === '1a',
      ),
    )

    // Each accepted update is in the log exactly once: A and B never store what they got from each other.
    const counts = await storedTickCounts(dbUrl, board.id)
    const notOnce = [...written].filter((key) => counts.get(key) !== 1)
    expect(notOnce).toEqual([])

    // Figures: how long a tick on A takes to reach a client on B.
    const delays: number[] = []
    for (let i = 1; i <= 20; i++) {
      const since = performance.now()
      const seen = arrival(clients[2]!.doc, tickKey(board.writers[0]!.person.id, item(20 + i)), since)
      written.add(await tick(clients[0]!, item(20 + i)))
      delays.push(await seen)
    }

    // A dies before B has heard of its last acknowledged ticks. Pausing B (SIGSTOP) makes that window
    // certain: A's Redis messages wait for B, and B's replies go to an instance that is gone.
    b.process.kill('SIGSTOP')
    const acknowledged = await Promise.all(clients.slice(0, 2).map((c) => tick(c, item(50))))
    await a.kill('SIGKILL')
    b.process.kill('SIGCONT')
    for (const key of acknowledged) written.add(key)

    // Someone opening the board on B sees everything A acknowledged (B reads the shared store back).
    const reader = track(client(b, board.id, board.writers[3]!))
    await waitFor(() => reader.provider.isSynced && hasAll(reader.doc, written), { timeout: 15_000 })

    // A's clients move to B with what they hold; everyone converges on the same ticks.
    const moved = clients.slice(0, 2).map((c) => {
      c.provider.destroy()
      return track(client(b, board.id, c.writer, c.doc))
    })
    await waitFor(() => moved.every((c) => c.provider.isSynced))
    written.add(await tick(moved[0]!, item(51)))
    const everyone = [...moved, ...clients.slice(2), reader]
    await waitFor(() => everyone.every((c) => hasAll(c.doc, written)))
    const sizes = new Set(everyone.map((c) => ticksMap(c.doc).size))
    expect(sizes.size).toBe(1)

    console.log(
      `scale-out: ${written.size} ticks over 2 instances, each stored once before the kill; ` +
        `A→B delivery p50 ${percentile(delays, 0.5).toFixed(1)} ms, p95 ${percentile(delays, 0.95).toFixed(1)} ms (n=${delays.length}); ` +
        `${acknowledged.length} ticks A acknowledged just before its SIGKILL (B paused) reached B through the store; 0 lost`,
    )
  })

  it('resumes sync after Redis restarts mid-session', async () => {
    const port = await freePort()
    const redisUrl = `redis://127.0.0.1:${port}`
    let redis = await startRedis(port)
    redises.push(redis)
    const c = await start(redisUrl, 'c')
    const d = await start(redisUrl, 'd')
    const board = await newBoard(c.baseUrl, ADMIN_KEY, 1)
    const [onC, onD] = [
      track(client(c, board.id, board.writers[0]!)),
      track(client(d, board.id, board.writers[1]!)),
    ]
    await waitFor(() => onC.provider.isSynced && onD.provider.isSynced)
    const before = [await tick(onC, '2a.emerging.1'), await tick(onD, '2a.emerging.2')]
    await waitFor(() => hasAll(onC.doc, before) && hasAll(onD.doc, before))

    await stopProcess(redis)
    // Each instance still accepts and stores its own clients' changes; they cannot cross yet.
    const duringOutage = [await tick(onC, '2a.developing.1'), await tick(onD, '2a.developing.2')]
    expect(ticksMap(onD.doc).has(duringOutage[0]!)).toBe(false)
    expect(ticksMap(onC.doc).has(duringOutage[1]!)).toBe(false)

    const restartedAt = performance.now()
    redis = await startRedis(port)
    redises.push(redis)
    // With no further edits, both sides catch up once the instances reconnect.
    await waitFor(() => hasAll(onC.doc, duringOutage) && hasAll(onD.doc, duringOutage), { timeout: 20_000 })
    const resumedAfter = performance.now() - restartedAt

    const since = performance.now()
    const seen = arrival(onD.doc, tickKey(board.writers[0]!.person.id, '2a.maturing.1'), since)
    await tick(onC, '2a.maturing.1')
    const deliveryAfter = await seen
    onD.provider.setAwarenessField('area', '2a')
    await waitFor(() =>
      [...onC.provider.awareness!.getStates().values()].some(
        (s) => s.user?.id === board.writers[1]!.person.id && s.area === '2a',
      ),
    )

    console.log(
      `scale-out: after a Redis restart, changes made during the outage crossed ${resumedAfter.toFixed(0)} ms after Redis was back; next tick crossed in ${deliveryAfter.toFixed(1)} ms`,
    )
  })

  it('refuses to start, in one line, without PostgreSQL, or with Redis or PostgreSQL unreachable', async () => {
    const deadPort = await freePort()
    const noStore = await failedStart({ REDIS_URL: SHARED_REDIS, CO_ASSESS_DATA_DIR: dataDir })
    const noRedis = await failedStart({
      DATABASE_URL: dbUrl,
      REDIS_URL: `redis://:redis-secret@127.0.0.1:${deadPort}`,
    })
    const noPostgres = await failedStart({
      DATABASE_URL: `postgres://someone:pg-secret@127.0.0.1:${deadPort}/nowhere`,
      REDIS_URL: SHARED_REDIS,
      CO_ASSESS_DATA_DIR: dataDir,
    })
    for (const run of [noStore, noRedis, noPostgres]) {
      expect(run.code).toBe(1)
      expect(run.output.split('\n')).toHaveLength(1)
      expect(run.output).not.toMatch(/secret|\n\s+at /)
    }
    expect(noStore.output).toContain('DATABASE_URL is not')
    expect(noRedis.output).toContain(`Redis at redis://127.0.0.1:${deadPort} is not reachable (ECONNREFUSED)`)
    expect(noPostgres.output).toContain(`PostgreSQL at 127.0.0.1:${deadPort}`)
  })
})
