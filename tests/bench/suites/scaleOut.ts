import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import { userInfo } from 'node:os'
import pg from 'pg'
import { sleep } from '../clock.ts'
import type { LoadTarget } from '../loadTarget.ts'
import type { Pinning } from '../pinning.ts'
import { type BenchServer, freePort, startBenchServer } from '../serverProcess.ts'

/** node-postgres reads $USER, which CI may not set; psql logs in as the OS user, so do the same. */
function withUser(connectionString: string): string {
  const url = new URL(connectionString)
  if (!url.username) url.username = process.env.PGUSER || process.env.USER || userInfo().username
  return url.toString()
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1', timeout: 1000 })
    const finish = (open: boolean) => {
      socket.destroy()
      done(open)
    }
    socket.once('connect', () => finish(true))
    socket.once('timeout', () => finish(false))
    socket.once('error', () => finish(false))
  })
}

/**
 * Two instances of ours sharing one PostgreSQL database and one Redis (a redis-server of its own, on
 * the server core): writers connect to instance A, readers to instance B, so every tick crosses Redis.
 * Resolves with the reason instead when PostgreSQL or redis-server is not available here.
 */
export async function startScaleOut(
  pinning: Pinning,
  options: { label?: string; redisPrefix?: string; splitReaders?: boolean } = {},
): Promise<LoadTarget | { pending: string }> {
  const pgServer = withUser(process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test')
  try {
    await adminQuery(pgServer, 'SELECT 1')
  } catch (error) {
    return { pending: `no PostgreSQL at ${new URL(pgServer).host} (${(error as Error).message})` }
  }
  if (spawnSync('redis-server', ['--version']).status !== 0)
    return { pending: 'no redis-server on this machine' }

  const run = randomBytes(4).toString('hex')
  const dbName = `co_assess_bench_${run}`
  const dbUrl = new URL(pgServer)
  dbUrl.pathname = `/${dbName}`
  await adminQuery(pgServer, `CREATE DATABASE ${dbName}`)
  const redisPort = await freePort()
  const [command, ...args] = [...pinning.server, 'redis-server']
  const redis: ChildProcess = spawn(
    command!,
    [...args, '--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const instances: BenchServer[] = []
  const dispose = async () => {
    await Promise.all(instances.map((s) => s.dispose()))
    if (redis.exitCode === null && redis.signalCode === null) {
      const exited = new Promise((done) => redis.once('exit', done))
      redis.kill('SIGKILL')
      await exited
    }
    await adminQuery(pgServer, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {})
  }
  try {
    const deadline = Date.now() + 10_000
    while (!(await tcpOpen(redisPort))) {
      if (Date.now() > deadline) throw new Error('redis-server did not start')
      await sleep(20)
    }
    const env = (instance: string) => ({
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      CO_ASSESS_TOKEN_SECRET: `bench-token-secret-${run}-0123456789abcdef`,
      CO_ASSESS_REDIS_PREFIX: `${options.redisPrefix ?? 'co-assess-bench'}-${run}`,
      CO_ASSESS_INSTANCE_ID: instance,
    })
    // One after the other: the first creates the schema.
    instances.push(await startBenchServer('ours', { prefix: pinning.server, env: env('a') }))
    instances.push(await startBenchServer('ours', { prefix: pinning.server, env: env('b') }))
    const [a, b] = instances as [BenchServer, BenchServer]
    return {
      kind: 'ours',
      label: options.label ?? 'scale-out',
      api: a,
      writerUrl: a.wsUrl,
      readerUrl: b.wsUrl,
      // Split: each board's readers alternate between B and A, so half of every tick crosses Redis.
      readerUrls: options.splitReaders ? [b.wsUrl, a.wsUrl] : undefined,
      instances,
      dispose,
    }
  } catch (error) {
    await dispose()
    throw error
  }
}
