import { randomBytes } from 'node:crypto'
import { ClientFleet, type FleetResult } from '../clientFleet.ts'
import type { ClientSpec } from '../clients/protocol.ts'
import { sleep } from '../clock.ts'
import type { LoadTarget } from '../loadTarget.ts'
import { startCpuWindow, waitForQuiet } from '../machineLoad.ts'
import type { Pinning } from '../pinning.ts'
import { provisionBoards } from '../provision.ts'
import type { BenchServer, ServerKind } from '../serverProcess.ts'
import type { MemoryReading, ServerStats } from '../servers/probe.ts'
import { concatSamples, type Percentiles, percentiles } from '../stats.ts'

export interface TickLoadSpec {
  boards: number
  /** Readers on each board; each board also has one writer. */
  readersPerBoard: number
  /** Ticks a second on each board. */
  ticksPerSecond: number
  /** Measured time in all (split into `rounds` when servers are interleaved). */
  durationMs: number
  /** Reader processes (the writers have one more of their own). */
  readerProcesses: number
  warmUpMs: number
  /** How long to wait for other work on the machine to stop before each measured run (0: do not wait). */
  quietWaitMs: number
}

export interface TickLoadResult {
  kind: ServerKind
  spec: TickLoadSpec
  connections: number
  openFailed: number
  /** Each participant's POST /api/invites/:token/join, four at a time (ours only). */
  join: Percentiles
  open: Percentiles
  /** Each (reader, tick) delivery. */
  latency: Percentiles
  /** Each tick: until the last reader on its board had it. */
  everyReader: Percentiles
  written: number
  deliveries: number
  lost: number
  doubled: number
  maxScheduleLagMs: number
  /** One entry per server process (two for scale-out); over several rounds, the worst of each figure. */
  servers: ServerStats[]
  /**
   * Per server process, memory after a full collection before any client opened (boards made through
   * the API) and with every client connected and synced, before any tick.
   */
  memory: ConnectionMemory[]
  client: { cpuPercent: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number }
  /** CPU used on the machine during the run by processes other than the servers and clients (% of a core). */
  otherCpuPercent: number
}

export interface ConnectionMemory {
  base: MemoryReading
  connected: MemoryReading
  /** Connections this process served. */
  connections: number
  /** (connected − base) ÷ connections, in KB. */
  rssPerConnectionKb: number
  heapPerConnectionKb: number
}

interface Segment {
  fleet: FleetResult
  servers: ServerStats[]
  otherCpuPercent: number
}

/** A target with its boards provisioned and every client connected and synced, ready for measured runs. */
interface LoadSession {
  target: LoadTarget
  spec: TickLoadSpec
  connections: number
  join: Percentiles
  open: Percentiles
  openFailed: number
  memory: ConnectionMemory[]
  run(durationMs: number): Promise<Segment>
  close(): Promise<void>
}

async function prepare(target: LoadTarget, spec: TickLoadSpec, pinning: Pinning): Promise<LoadSession> {
  const begun = Date.now()
  const debug = (what: string) => {
    if (process.env.BENCH_DEBUG) console.error(`  ${target.label}: ${what} at ${Date.now() - begun} ms`)
  }
  const joinTimes: number[] = []
  const boards = await provisionBoards(target.api, spec.boards, spec.readersPerBoard + 1, joinTimes)
  debug('provisioned')
  const base = await Promise.all(target.instances.map((s) => s.memory()))
  const fleet = await ClientFleet.start(1 + spec.readerProcesses, pinning.clients)
  try {
    const perProcess: ClientSpec[][] = Array.from({ length: fleet.size }, () => [])
    const interval = 1000 / spec.ticksPerSecond
    boards.forEach((board, b) => {
      const [writer, ...readers] = board.people
      perProcess[0]!.push({
        board: board.board,
        ...writer!,
        url: target.writerUrl,
        writeRate: spec.ticksPerSecond,
        phaseMs: (b * interval) / spec.boards,
        reads: false,
      })
      readers.forEach((reader, r) => {
        perProcess[1 + ((b * spec.readersPerBoard + r) % spec.readerProcesses)]!.push({
          board: board.board,
          ...reader,
          url: target.readerUrls ? target.readerUrls[r % target.readerUrls.length]! : target.readerUrl,
          writeRate: 0,
          phaseMs: 0,
          reads: true,
        })
      })
    })
    const transport = target.kind === 'y-websocket' ? 'y-websocket' : 'hocuspocus'
    const opened = await fleet.open(transport, perProcess)
    if (opened.failed > 0) {
      throw new Error(
        `${opened.failed} clients did not sync\n${target.instances.map((s) => s.output()).join('\n')}`,
      )
    }
    debug('opened')
    const connected = await Promise.all(target.instances.map((s) => s.memory()))
    const memory = target.instances.map((server, i): ConnectionMemory => {
      const served = servedBy(server, target, boards.length, spec.readersPerBoard)
      const perConnection = (field: 'rssMb' | 'heapUsedMb') =>
        served > 0 ? ((connected[i]![field] - base[i]![field]) * 1024) / served : 0
      return {
        base: base[i]!,
        connected: connected[i]!,
        connections: served,
        rssPerConnectionKb: perConnection('rssMb'),
        heapPerConnectionKb: perConnection('heapUsedMb'),
      }
    })
    const tag = randomBytes(3).toString('hex')
    if (spec.warmUpMs > 0) await fleet.run(`${tag}w`, spec.warmUpMs, 5_000)
    debug('warmed up')
    let round = 0
    return {
      target,
      spec,
      connections: boards.length * (spec.readersPerBoard + 1),
      join: percentiles(joinTimes),
      open: percentiles(opened.openMs),
      openFailed: opened.failed,
      memory,
      async run(durationMs) {
        await sleep(250)
        if (spec.quietWaitMs > 0) await waitForQuiet(spec.quietWaitMs)
        await Promise.all(target.instances.map((s) => s.resetStats()))
        const machine = startCpuWindow()
        const result = await fleet.run(`${tag}r${round++}`, durationMs, 10_000)
        const machineBusy = machine()
        const servers = await Promise.all(target.instances.map((s) => s.stats()))
        const ours = servers.reduce((sum, s) => sum + s.cpuPercent, 0) + result.clientCpuPercent
        debug(`ran ${durationMs} ms`)
        return { fleet: result, servers, otherCpuPercent: Math.max(0, machineBusy - ours) }
      },
      async close() {
        await fleet.close()
        await target.dispose()
      },
    }
  } catch (error) {
    await fleet.close()
    throw error
  }
}

/** How many of the connections a server process took: each board's writer, and its readers in turn. */
function servedBy(server: BenchServer, target: LoadTarget, boards: number, readersPerBoard: number): number {
  const urls = target.readerUrls ?? [target.readerUrl]
  const readers = Array.from({ length: readersPerBoard }, (_, r) => urls[r % urls.length]).filter(
    (url) => url === server.wsUrl,
  ).length
  return boards * ((target.writerUrl === server.wsUrl ? 1 : 0) + readers)
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

function combine(session: LoadSession, segments: Segment[]): TickLoadResult {
  const fleets = segments.map((s) => s.fleet)
  return {
    kind: session.target.kind,
    spec: session.spec,
    connections: session.connections,
    openFailed: session.openFailed,
    join: session.join,
    open: session.open,
    memory: session.memory,
    latency: percentiles(concatSamples(fleets.map((f) => f.latencies))),
    everyReader: percentiles(concatSamples(fleets.map((f) => f.everyReader))),
    written: fleets.reduce((n, f) => n + f.written, 0),
    deliveries: fleets.reduce((n, f) => n + f.latencies.length, 0),
    lost: fleets.reduce((n, f) => n + f.lost, 0),
    doubled: fleets.reduce((n, f) => n + f.doubled, 0),
    maxScheduleLagMs: Math.max(...fleets.map((f) => f.maxScheduleLagMs)),
    servers: session.target.instances.map((_, i) => {
      const each = segments.map((s) => s.servers[i]!)
      return {
        rssMb: each[each.length - 1]!.rssMb,
        peakRssMb: Math.max(...each.map((s) => s.peakRssMb)),
        cpuPercent: mean(each.map((s) => s.cpuPercent)),
        eventLoopDelayMs: {
          p50: Math.max(...each.map((s) => s.eventLoopDelayMs.p50)),
          p99: Math.max(...each.map((s) => s.eventLoopDelayMs.p99)),
          max: Math.max(...each.map((s) => s.eventLoopDelayMs.max)),
        },
      }
    }),
    client: {
      cpuPercent: mean(fleets.map((f) => f.clientCpuPercent)),
      eventLoopDelayP99Ms: Math.max(...fleets.map((f) => f.clientEventLoopDelayMs.p99)),
      eventLoopDelayMaxMs: Math.max(...fleets.map((f) => f.clientEventLoopDelayMs.max)),
    },
    otherCpuPercent: mean(segments.map((s) => s.otherCpuPercent)),
  }
}

/**
 * Boards with one writer and many readers each, all real providers over real sockets: the shape of a
 * workshop where one person's tick must reach everyone else's screen.
 */
export async function runTickLoad(
  target: LoadTarget,
  spec: TickLoadSpec,
  pinning: Pinning,
): Promise<TickLoadResult> {
  let session: LoadSession | null = null
  try {
    session = await prepare(target, spec, pinning)
    return combine(session, [await session.run(spec.durationMs)])
  } finally {
    if (session) await session.close()
    else await target.dispose()
  }
}

/**
 * The same load on several servers, all up and connected at once, measured in alternating rounds
 * (A B C A B C …): slow drift in the machine's other work then falls on every server alike, which a
 * comparison of one long run after another cannot promise on a shared machine.
 */
export async function runInterleaved(
  targets: Array<() => Promise<LoadTarget>>,
  spec: TickLoadSpec,
  rounds: number,
  pinning: Pinning,
): Promise<Array<TickLoadResult | { error: string }>> {
  const sessions: Array<LoadSession | { error: string }> = []
  try {
    for (const start of targets) {
      let target: LoadTarget | null = null
      try {
        target = await start()
        sessions.push(await prepare(target, spec, pinning))
      } catch (error) {
        await target?.dispose()
        sessions.push({ error: (error as Error).message })
      }
    }
    const segments: Segment[][] = sessions.map(() => [])
    const roundMs = Math.max(1000, Math.round(spec.durationMs / rounds))
    for (let round = 0; round < rounds; round++) {
      for (const [i, session] of sessions.entries()) {
        if ('error' in session) continue
        try {
          segments[i]!.push(await session.run(roundMs))
        } catch (error) {
          sessions[i] = { error: (error as Error).message }
          await session.close()
        }
      }
    }
    return sessions.map((session, i) => ('error' in session ? session : combine(session, segments[i]!)))
  } finally {
    for (const session of sessions) if (!('error' in session)) await session.close()
  }
}
