import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sleep } from './clock.ts'
import { replyOf, request } from './ipc.ts'
import type { MemoryReading, MemoryReply, ProbeReply, ServerStats } from './servers/probe.ts'

export type ServerKind = 'ours' | 'bare' | 'y-websocket'

export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'Co-assess',
  bare: 'bare Hocuspocus 4.7',
  'y-websocket': 'y-websocket',
}

const REPO = resolve(import.meta.dirname, '../..')
/** Node's flags for ours, as docker/Dockerfile runs it (the young generation's cap: see BENCHMARKS.md). */
export const OURS_NODE_FLAGS = ['--max-semi-space-size=16']
const PROBE = resolve(import.meta.dirname, 'servers/probe.ts')
export const ADMIN_KEY = 'bench-admin-key-0123456789abcdef'

function scriptFor(kind: ServerKind): string {
  if (kind === 'ours') return resolve(REPO, 'apps/server/src/main.ts')
  if (kind === 'bare') return resolve(import.meta.dirname, 'servers/bareHocuspocus.ts')
  // The package's own server, exactly as `npx y-websocket` runs it (no persistence: YPERSISTENCE unset).
  const pkg = fileURLToPath(import.meta.resolve('@y/websocket-server/package.json'))
  return join(dirname(pkg), 'src/server.js')
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface BenchServer {
  kind: ServerKind
  port: number
  httpUrl: string
  /** What a provider is given: ours serves sync on /sync; the references on any path. */
  wsUrl: string
  dataDir: string | null
  process: ChildProcess
  output(): string
  resetStats(): Promise<void>
  stats(): Promise<ServerStats>
  /** Memory after a full garbage collection. */
  memory(): Promise<MemoryReading>
  /** Stops the process (SIGTERM lets ours save; SIGKILL is a crash); resolves when it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>
  /** Removes the data directory too. */
  dispose(): Promise<void>
}

export interface StartOptions {
  prefix: string[]
  port?: number
  /** Reuse a data directory (restart after a kill); a fresh one is made otherwise. */
  dataDir?: string
  /** Where a fresh data directory is made (default: the OS temp directory, on disk). */
  dataRoot?: string
  env?: Record<string, string>
}

/** The environment ours runs with under load: limits raised so the bench measures the work, not the gate. */
export function oursEnv(dataDir: string): Record<string, string> {
  return {
    CO_ASSESS_DATA_DIR: dataDir,
    CO_ASSESS_ADMIN_KEY: ADMIN_KEY,
    CO_ASSESS_LOG_LEVEL: 'warn',
    CO_ASSESS_UPGRADES_PER_MINUTE: '100000',
    CO_ASSESS_HTTP_PER_MINUTE: '100000',
    // The bench gives each join its own address through X-Forwarded-For, as a proxy would.
    CO_ASSESS_TRUSTED_PROXIES: 'loopback',
    CO_ASSESS_MESSAGES_PER_10S: '100000',
  }
}

export async function startBenchServer(kind: ServerKind, options: StartOptions): Promise<BenchServer> {
  const port = options.port ?? (await freePort())
  const dataDir =
    kind === 'ours'
      ? (options.dataDir ?? mkdtempSync(join(options.dataRoot ?? tmpdir(), 'co-assess-bench-')))
      : null
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    ...(dataDir ? oursEnv(dataDir) : {}),
    ...options.env,
  }
  const [command, ...prefixArgs] = [...options.prefix, process.execPath]
  // BENCH_SERVER_PROFILE=<dir>: each server writes a V8 CPU profile there when it stops (where a row's
  // server time goes; Node does not take --cpu-prof through NODE_OPTIONS).
  const profile = process.env.BENCH_SERVER_PROFILE
  const profileFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []
  const child = spawn(
    command!,
    [
      ...prefixArgs,
      ...(kind === 'ours' ? OURS_NODE_FLAGS : []),
      ...profileFlags,
      '--import',
      PROBE,
      scriptFor(kind),
    ],
    {
      env,
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  )
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((done) => child.once('exit', () => done()))

  const httpUrl = `http://127.0.0.1:${port}`
  const readyUrl = kind === 'ours' ? `${httpUrl}/api/health` : httpUrl
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${SERVER_LABELS[kind]} exited during start-up:\n${output}`)
    }
    try {
      const response = await fetch(readyUrl)
      await response.arrayBuffer()
      if (response.ok || kind !== 'ours') break
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${SERVER_LABELS[kind]} did not start within 60 s:\n${output}`)
    }
    await sleep(50)
  }

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal)
      const forced = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(forced)
    }
  }
  return {
    kind,
    port,
    httpUrl,
    wsUrl: kind === 'ours' ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`,
    dataDir,
    process: child,
    output: () => output,
    async resetStats() {
      await request(child, { probe: 'reset' }, replyOf('probe', 'reset-done'), 10_000)
    },
    async stats() {
      const reply = await request<ProbeReply>(child, { probe: 'read' }, replyOf('probe', 'stats'), 10_000)
      return reply.stats
    },
    async memory() {
      const reply = await request<MemoryReply>(
        child,
        { probe: 'memory' },
        replyOf('probe', 'memory-reading'),
        30_000,
      )
      return reply.memory
    },
    stop,
    async dispose() {
      await stop()
      if (dataDir && !options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
