import type { ChildProcess } from 'node:child_process'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTick, tickKey } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { type BoardProxy, startBoardProxy } from '../utils/boardProxy.ts'
import { type ChildServer, freePort, startChildServer } from '../utils/childServer.ts'
import { frameworkItems } from '../utils/frameworkItems.ts'
import {
  adminQuery,
  databaseUrl,
  hasAllStamped,
  newBoard,
  type Person,
  PG_SERVER,
  startRedis,
  stopProcess,
  storedTickStamps,
  tickStamps,
} from '../utils/scaleOutKit.ts'
import { waitFor } from '../utils/waitFor.ts'

// The docker/ topology natively: two server processes on PostgreSQL and a redis-server of the test's
// own, behind tests/utils/boardProxy.ts, which routes as docker/nginx.conf does. Every client goes
// through the proxy and keeps one HocuspocusProvider for the whole test, so when the board's instance
// is killed it is the providers' own reconnection and the proxy's failover that are under test.

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

describe('the test proxy routes as docker/nginx.conf does', () => {
  const upstreams: Server[] = []
  let proxy: BoardProxy | undefined
  afterAll(async () => {
    await proxy?.close()
    for (const server of upstreams) server.closeAllConnections()
    await Promise.all(upstreams.map((server) => new Promise((done) => server.close(done))))
  })

  it('hashes /sync by board, fails over when an instance refuses, balances the rest and adds X-Forwarded-For', async () => {
    // Two stand-in instances that say who they are and what the proxy told them.
    const named = async (name: string) => {
      const server = createServer((request, response) =>
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ name, host: request.headers.host, xff: request.headers['x-forwarded-for'] })),
      )
      server.on('upgrade', (request, socket) => {
        socket.end(
          `HTTP/1.1 403 Forbidden\r\nx-instance: ${name}\r\nx-seen-xff: ${request.headers['x-forwarded-for']}\r\n` +
            `Content-Length: 0\r\nConnection: close\r\n\r\n`,
        )
      })
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
      upstreams.push(server)
      const address = server.address()
      return { name, host: '127.0.0.1', port: typeof address === 'object' && address ? address.port : 0 }
    }
    const deadPort = await freePort()
    const [one, two] = [await named('app1'), await named('app2')]
    proxy = await startBoardProxy([one, two, { name: 'app3', host: '127.0.0.1', port: deadPort }])

    /** Which instance answered an upgrade for `board`, and the X-Forwarded-For it saw. */
    const upgradeTo = (board: string) =>
      new Promise<{ instance: string; xff: string }>((done, fail) => {
        const ws = new WebSocket(`${proxy!.wsUrl}?board=${encodeURIComponent(board)}`, {
          headers: { 'x-forwarded-for': '203.0.113.9' },
        })
        ws.once('unexpected-response', (_request, response) => {
          done({
            instance: String(response.headers['x-instance']),
            xff: String(response.headers['x-seen-xff']),
          })
          ws.terminate()
        })
        ws.once('error', fail)
      })

    const boards = Array.from({ length: 60 }, (_, n) => `board-${n}`)
    const landed = new Map<string, string>()
    for (const board of boards) {
      const { instance, xff } = await upgradeTo(board)
      expect(xff).toBe('203.0.113.9, 127.0.0.1')
      landed.set(board, instance)
    }
    // Each board lands on the first live instance of its ring; boards hashed to the dead one moved on.
    for (const board of boards) {
      expect(landed.get(board)).toBe(proxy.ring(board).filter((name) => name !== 'app3')[0])
    }
    // Some boards hash to the instance that is not there: they are the ones that failed over.
    expect(boards.some((board) => proxy!.ring(board)[0] === 'app3')).toBe(true)
    expect(new Set(landed.values())).toEqual(new Set(['app1', 'app2']))
    expect(proxy.failures.some((f) => f.upstream === 'app3' && f.kind === 'sync')).toBe(true)
    // The same board always lands on the same instance.
    for (const board of boards.slice(0, 10)) expect((await upgradeTo(board)).instance).toBe(landed.get(board))

    // Plain HTTP: round robin over the live instances, Host as the client sent it, X-Forwarded-For added.
    const seen = new Set<string>()
    for (let n = 0; n < 6; n++) {
      const response = await fetch(`${proxy.baseUrl}/api/health`)
      const body = (await response.json()) as { name: string; host: string; xff: string }
      expect(body.host).toBe(`127.0.0.1:${proxy.port}`)
      expect(body.xff).toBe('127.0.0.1')
      seen.add(body.name)
    }
    expect(seen).toEqual(new Set(['app1', 'app2']))
  })
})

const RUN = randomBytes(4).toString('hex')
const ADMIN_KEY = `scale-admin-key-${RUN}-0123456789`
const DB_NAME = `co_assess_scale_proxy_${RUN}`
const dbUrl = databaseUrl(DB_NAME)
const PREFIX = `co-assess-test-${RUN}`

const postgresUp = await adminQuery('SELECT 1').then(
  () => true,
  () => false,
)
const redisServer = spawnSync('redis-server', ['--version']).status === 0
const missing = [
  postgresUp ? null : `PostgreSQL at ${new URL(PG_SERVER).host}`,
  redisServer ? null : 'redis-server',
]
  .filter(Boolean)
  .join(' or ')
if (missing) console.log(`scale-out proxy test skipped: no ${missing} on this machine`)

/** Most ticks one client writes; the loop also stops as soon as the test has seen what it needs. */
const MAX_TICKS_PER_CLIENT = 1500
const TICK_EVERY_MS = 15

interface Client {
  writer: Person
  doc: Y.Doc
  provider: HocuspocusProvider
  /** Times the provider finished a handshake with an instance, and lost its connection. */
  syncs: number
  disconnects: number
}

describe.skipIf(Boolean(missing))('scale-out behind the proxy: an instance dies under its board', () => {
  const servers: ChildServer[] = []
  const providers: HocuspocusProvider[] = []
  let redis: ChildProcess | undefined
  let redisPort = 0
  let proxy: BoardProxy | undefined
  const dataDir = mkdtempSync(join(tmpdir(), 'co-assess-scale-proxy-'))

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${DB_NAME}`)
    redisPort = await freePort()
    redis = await startRedis(redisPort)
  })
  afterAll(async () => {
    for (const provider of providers) provider.destroy()
    await proxy?.close()
    await Promise.all(servers.map((server) => server.kill('SIGKILL')))
    if (redis) {
      // This run's own redis-server keeps nothing on disk; drop the prefix's keys anyway, then stop it.
      const keys = spawnSync('redis-cli', ['-p', String(redisPort), '--scan', '--pattern', `${PREFIX}*`], {
        encoding: 'utf8',
      })
      const names = keys.stdout?.split('\n').filter(Boolean) ?? []
      if (names.length > 0) spawnSync('redis-cli', ['-p', String(redisPort), 'DEL', ...names])
      await stopProcess(redis)
    }
    await adminQuery(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('the providers reconnect through the proxy to the other instance by themselves, and no tick is lost', async () => {
    const env = {
      DATABASE_URL: dbUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      CO_ASSESS_REDIS_PREFIX: PREFIX,
      CO_ASSESS_ADMIN_KEY: ADMIN_KEY,
      CO_ASSESS_TOKEN_SECRET: `scale-token-secret-${RUN}-0123456789abcdef`,
      CO_ASSESS_DATA_DIR: dataDir,
      // As compose.yaml does: the proxy's X-Forwarded-For names the client.
      CO_ASSESS_TRUSTED_PROXIES: 'loopback',
    }
    const instances = new Map<string, ChildServer>()
    for (const name of ['app1', 'app2']) {
      const server = await startChildServer({ ...env, CO_ASSESS_INSTANCE_ID: name })
      servers.push(server)
      instances.set(name, server)
    }
    proxy = await startBoardProxy(
      [...instances].map(([name, server]) => ({ name, host: '127.0.0.1', port: server.port })),
    )
    const board = await newBoard(proxy.baseUrl, ADMIN_KEY, 3)
    const [homeName, spareName] = proxy.ring(board.id) as [string, string]
    const home = instances.get(homeName)!

    const connectThroughProxy = (writer: Person, doc = new Y.Doc()): Client => {
      const provider = new HocuspocusProvider({
        url: `${proxy!.wsUrl}?board=${board.id}`,
        name: board.id,
        token: writer.token,
        document: doc,
      })
      providers.push(provider)
      const c: Client = { writer, doc, provider, syncs: 0, disconnects: 0 }
      provider.on('synced', () => c.syncs++)
      provider.on('disconnect', () => c.disconnects++)
      return c
    }
    const clients = board.writers.map((writer) => connectThroughProxy(writer))
    await waitFor(() => clients.every((c) => c.syncs === 1), { timeout: 15_000 })
    // Every connection of the board went to the instance its id hashes to.
    expect(proxy.upgrades.filter((u) => u.board === board.id).map((u) => u.upstream)).toEqual(
      clients.map(() => homeName),
    )

    // Each client ticks on its own, without waiting for acknowledgements, until told to stop.
    type Phase = 'before' | 'down' | 'after'
    // The latest stamp written to each key: clients cycle through the framework's items.
    const { items } = frameworkItems()
    const written = new Map<string, number>()
    let stamp = 0
    const perPhase = clients.map(() => ({ before: 0, down: 0, after: 0 }))
    let killed = false
    let stop = false
    const syncsAtKill: number[] = []
    const phaseOf = (n: number): Phase =>
      !killed ? 'before' : clients[n]!.syncs > syncsAtKill[n]! ? 'after' : 'down'
    const write = (n: number, i: number) => {
      const c = clients[n]!
      const item = items[(i * 7 + n * 31) % items.length]!
      const at = ++stamp
      setTick(c.doc, c.writer.person.id, item, i % 2 === 0, at)
      written.set(tickKey(c.writer.person.id, item), at)
      perPhase[n]![phaseOf(n)]++
    }
    const nextItem = clients.map(() => 1)
    const writing = clients.map(async (_, n) => {
      for (let count = 0; count < MAX_TICKS_PER_CLIENT && !stop; count++) {
        write(n, nextItem[n]!++)
        await sleep(TICK_EVERY_MS)
      }
    })

    // Before the kill: every client's first ticks have reached every other client.
    await waitFor(() => perPhase.every((p) => p.before >= 10), { timeout: 15_000 })
    const early = new Map(written)
    await waitFor(() => clients.every((c) => hasAllStamped(tickStamps(c.doc), early)), { timeout: 15_000 })

    // The board's instance dies. Ticks go on; one from each client is written the moment it is gone,
    // whether or not its provider has noticed yet: sent into a dead connection, or queued.
    for (const [n, c] of clients.entries()) syncsAtKill[n] = c.syncs
    await home.kill('SIGKILL')
    killed = true
    for (const n of clients.keys()) write(n, nextItem[n]!++)

    // Each provider notices, reconnects through the proxy (which finds the dead instance refusing and
    // moves on), syncs, and keeps ticking.
    await waitFor(
      () => clients.every((c, n) => c.syncs > syncsAtKill[n]!) && perPhase.every((p) => p.after >= 10),
      {
        timeout: 30_000,
      },
    )
    stop = true
    await Promise.all(writing)

    // Nothing written before, during or after the outage is missing anywhere.
    await waitFor(() => clients.every((c) => hasAllStamped(tickStamps(c.doc), written)), {
      timeout: 30_000,
    }).catch((error: unknown) => {
      const missing = clients.map((c) => {
        const stamps = tickStamps(c.doc)
        return [...written].filter(([key, at]) => (stamps.get(key) ?? -1) < at).length
      })
      console.log(`missing per client: ${missing.join(', ')}`)
      for (const server of servers) console.log(server.output().slice(-3000))
      throw error
    })
    const fresh = connectThroughProxy(board.writers[0]!)
    await waitFor(() => fresh.provider.isSynced && hasAllStamped(tickStamps(fresh.doc), written), {
      timeout: 30_000,
    })
    const sizes = new Set([...clients, fresh].map((c) => ticksMap(c.doc).size))
    expect(sizes).toEqual(new Set([written.size]))
    await waitFor(async () => hasAllStamped(await storedTickStamps(dbUrl, board.id), written), {
      timeout: 15_000,
    })

    // It was the providers' own reconnection, through the proxy's failover: each lost its connection,
    // the dead instance refused the proxy, and every later connection went to the other one.
    for (const c of clients) expect(c.disconnects).toBeGreaterThan(0)
    expect(proxy.failures.some((f) => f.upstream === homeName && f.kind === 'sync')).toBe(true)
    const later = proxy.upgrades.filter((u) => u.board === board.id).slice(clients.length)
    expect(later.length).toBeGreaterThan(clients.length)
    expect(new Set(later.map((u) => u.upstream))).toEqual(new Set([spareName]))
    for (const p of perPhase) expect(Math.min(p.before, p.down, p.after)).toBeGreaterThan(0)

    const total = perPhase.reduce((sum, p) => ({
      before: sum.before + p.before,
      down: sum.down + p.down,
      after: sum.after + p.after,
    }))
    console.log(
      `scale-out behind the proxy: ${stamp} ticks (on ${written.size} keys) from ${clients.length} clients (${total.before} before ${homeName}'s SIGKILL, ` +
        `${total.down} while their providers were reconnecting, ${total.after} after, on ${spareName}); ` +
        `all reached every client, a fresh client and PostgreSQL; 0 lost`,
    )
  })
})
