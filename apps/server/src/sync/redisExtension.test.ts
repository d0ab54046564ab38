import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { connect, createServer } from 'node:net'
import { Writable } from 'node:stream'
import type { DocumentStore } from '@co-assess/storage'
import { type DirectConnection, type Extension, Hocuspocus } from '@hocuspocus/server'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import type { Config } from '../config.ts'
import { redisExtension } from './redisExtension.ts'

// Two instances in this process share a board through a redis-server of the test's own (never the
// machine's Redis on 6379); the test stops and kills that Redis at the worst moments it can pick.

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function accepting(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      done(true)
    })
    socket.once('error', () => done(false))
  })
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeout = 15_000) {
  const deadline = Date.now() + timeout
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  await until(() => accepting(port), 'redis-server to listen')
  return redis
}

function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill('SIGKILL')
  })
}

/** A store that holds nothing (only what the extension calls): these instances only share live sync. */
const emptyStore = {
  appendUpdate: async () => {},
  loadDocument: async () => null,
  compact: async () => {},
  logLength: async () => 0,
  listDocuments: async () => [],
} satisfies Partial<DocumentStore> as Partial<DocumentStore> as DocumentStore

describe.skipIf(!hasRedisServer)('redisExtension with Redis going away', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = []
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)

  afterEach(async () => {
    process.off('unhandledRejection', onUnhandled)
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    unhandled.length = 0
  }, 30_000)

  async function instance(port: number, id: string) {
    const logged: string[] = []
    const log = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _encoding, done) {
          logged.push(String(chunk))
          done()
        },
      }),
    )
    const config: Pick<Config, 'redisUrl' | 'databaseUrl' | 'instanceId'> = {
      redisUrl: `redis://127.0.0.1:${port}`,
      databaseUrl: 'postgres://unused.invalid/shared',
      instanceId: id,
    }
    const extension: Extension = await redisExtension({
      config,
      documents: emptyStore,
      log,
      prefix: `test-${process.pid}-${port}`,
    })
    const hocuspocus = new Hocuspocus({ name: id, quiet: true, extensions: [extension] })
    cleanups.push(() => extension.onDestroy?.({ instance: hocuspocus }))
    const open = async (name: string) => {
      const connection: DirectConnection = await hocuspocus.openDirectConnection(name)
      cleanups.push(() => connection.disconnect())
      return { connection, doc: () => hocuspocus.documents.get(name) }
    }
    return { hocuspocus, open, logged }
  }

  type Open = Awaited<ReturnType<Awaited<ReturnType<typeof instance>>['open']>>
  const write = (open: Open, key: string) => open.connection.transact((doc) => doc.getMap('m').set(key, true))
  const holds = (open: Open, key: string) => open.doc()?.getMap('m').has(key) === true

  it('survives Redis dying while a reply to a peer is in flight, keeps serving, and resyncs once Redis is back', async () => {
    process.on('unhandledRejection', onUnhandled)
    const port = await freePort()
    let redis = await startRedis(port)
    cleanups.push(() => killed(redis))
    const a = await instance(port, 'a')
    const b = await instance(port, 'b')
    const onA = await a.open('board')
    const onB = await b.open('board')
    await write(onA, 'before')
    await until(() => holds(onB, 'before'), 'a change to cross before the outage')

    // The moment B hears A's next SyncStep1, Redis freezes: B's reply is written to a socket nobody
    // reads, and fails only once Redis is killed and ioredis gives up on it (MaxRetriesPerRequestError).
    const extensionB = b.hocuspocus.configuration.extensions[0] as unknown as {
      sub: { prependOnceListener(event: string, listener: () => void): void }
    }
    let frozen = false
    extensionB.sub.prependOnceListener('messageBuffer', () => {
      redis.kill('SIGSTOP')
      frozen = true
    })
    await write(onA, 'as-redis-dies')
    await until(() => frozen, 'B to receive a message with Redis frozen')
    await killed(redis)
    // The reply fails once ioredis gives up: unhandled, it would have stopped the process.
    await until(
      () => unhandled.length > 0 || b.logged.some((line) => line.includes('could not publish to Redis')),
      'the failed reply to be reported',
    )
    expect(unhandled).toEqual([])

    // Each instance goes on serving its own clients, and opens boards, with Redis gone.
    await write(onA, 'during-a')
    await write(onB, 'during-b')
    const lateOnA = await a.open('opened-during-outage')
    const lateOnB = await b.open('opened-during-outage')
    await write(lateOnA, 'late')
    expect(holds(onA, 'during-a') && holds(onB, 'during-b')).toBe(true)
    expect(unhandled).toEqual([])

    // Redis back: everything written during the outage crosses, even on the board opened without it.
    redis = await startRedis(port)
    await until(
      () =>
        holds(onA, 'during-b') &&
        holds(onB, 'during-a') &&
        holds(onB, 'as-redis-dies') &&
        holds(lateOnB, 'late'),
      'the resync after Redis came back',
    )
    expect(unhandled).toEqual([])
  }, 60_000)
})
