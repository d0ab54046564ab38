import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import type { ClientSpec, Collected, Opened, Ran } from './clients/protocol.ts'
import { MAX_GRACES } from './clients/protocol.ts'
import type { Transport } from './clients/transports.ts'
import { replyOf, request } from './ipc.ts'
import { concatSamples } from './stats.ts'

const CLIENT = resolve(import.meta.dirname, 'clients/clientProcess.ts')

export interface FleetResult {
  latencies: Float64Array
  /** Per tick: when the last reader (over all processes) observed it. */
  everyReader: Float64Array
  readers: number
  written: number
  lost: number
  doubled: number
  maxScheduleLagMs: number
  clientCpuPercent: number
  clientEventLoopDelayMs: { p99: number; max: number }
}

/**
 * Client processes, each hosting many providers. Writers go to a process of their own so a tick's
 * timestamp is never taken late because that process was busy delivering to readers.
 */
export class ClientFleet {
  private readonly children: ChildProcess[]

  private constructor(children: ChildProcess[]) {
    this.children = children
  }

  static async start(processes: number, prefix: string[]): Promise<ClientFleet> {
    const children = Array.from({ length: processes }, () => {
      const [command, ...args] = [...prefix, process.execPath]
      const child = spawn(command!, [...args, CLIENT], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        serialization: 'advanced',
      })
      return child
    })
    return new ClientFleet(children)
  }

  get size() {
    return this.children.length
  }

  /** Opens each process's clients; resolves with every client's time to first sync. */
  async open(
    transport: Transport,
    perProcess: ClientSpec[][],
    { concurrency = 16, timeoutMs = 30_000 } = {},
  ): Promise<{ openMs: Float64Array; failed: number }> {
    const replies = await Promise.all(
      this.children.map((child, i) =>
        request<Opened>(
          child,
          { type: 'open', transport, clients: perProcess[i] ?? [], concurrency, timeoutMs },
          replyOf('type', 'opened'),
          timeoutMs * Math.max(1, (perProcess[i]?.length ?? 0) / concurrency) + 10_000,
        ),
      ),
    )
    return {
      openMs: concatSamples(replies.map((r) => r.openMs)),
      failed: replies.reduce((n, r) => n + r.failed, 0),
    }
  }

  async run(runTag: string, durationMs: number, graceMs: number): Promise<FleetResult> {
    const startAt = performance.timeOrigin + performance.now() + 500
    const ran = await Promise.all(
      this.children.map((child) =>
        request<Ran>(
          child,
          { type: 'run', runTag, startAt, durationMs },
          replyOf('type', 'ran'),
          durationMs + 30_000,
        ),
      ),
    )
    const expected: Record<string, number> = {}
    for (const reply of ran) {
      for (const [board, count] of Object.entries(reply.written))
        expected[board] = (expected[board] ?? 0) + count
    }
    const collected = await Promise.all(
      this.children.map((child) =>
        request<Collected>(
          child,
          { type: 'collect', expected, graceMs },
          replyOf('type', 'collected'),
          graceMs * MAX_GRACES + 30_000,
        ),
      ),
    )
    const last = new Map<string, number>()
    for (const reply of collected) {
      for (const [key, ms] of reply.lastArrival) last.set(key, Math.max(last.get(key) ?? ms, ms))
    }
    return {
      latencies: concatSamples(collected.map((c) => c.latencies)),
      everyReader: Float64Array.from(last.values()),
      readers: collected.reduce((n, c) => n + c.readers, 0),
      written: Object.values(expected).reduce((a, b) => a + b, 0),
      lost: collected.reduce((n, c) => n + c.lost, 0),
      doubled: collected.reduce((n, c) => n + c.doubled, 0),
      maxScheduleLagMs: Math.max(...ran.map((r) => r.maxScheduleLagMs)),
      clientCpuPercent: collected.reduce((n, c) => n + c.client.cpuPercent, 0),
      clientEventLoopDelayMs: {
        p99: Math.max(...collected.map((c) => c.client.eventLoopDelayMs.p99)),
        max: Math.max(...collected.map((c) => c.client.eventLoopDelayMs.max)),
      },
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(async (child) => {
        const running = () => child.exitCode === null && child.signalCode === null
        if (!running()) return
        const exited = new Promise((done) => child.once('exit', done))
        try {
          await request(child, { type: 'close' }, replyOf('type', 'closed'), 10_000)
        } catch {}
        if (running()) setTimeout(() => child.kill('SIGKILL'), 2000).unref()
        await exited
      }),
    )
  }
}
