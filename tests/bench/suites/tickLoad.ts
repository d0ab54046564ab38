import { randomBytes } from 'node:crypto'
import { ClientFleet } from '../clientFleet.ts'
import type { ClientSpec } from '../clients/protocol.ts'
import { sleep } from '../clock.ts'
import type { LoadTarget } from '../loadTarget.ts'
import { startCpuWindow, waitForQuiet } from '../machineLoad.ts'
import type { Pinning } from '../pinning.ts'
import { provisionBoards } from '../provision.ts'
import type { ServerKind } from '../serverProcess.ts'
import type { ServerStats } from '../servers/probe.ts'
import { type Percentiles, percentiles } from '../stats.ts'

export interface TickLoadSpec {
  boards: number
  /** Readers on each board; each board also has one writer. */
  readersPerBoard: number
  /** Ticks a second on each board. */
  ticksPerSecond: number
  durationMs: number
  /** Reader processes (the writers have one more of their own). */
  readerProcesses: number
  warmUpMs: number
  /** How long to wait for other work on the machine to stop before the measured run (0: do not wait). */
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
  /** One entry per server process (two for scale-out). */
  servers: ServerStats[]
  client: { cpuPercent: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number }
  /** CPU used on the machine during the run by processes other than the servers and clients (% of a core). */
  otherCpuPercent: number
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
  const { kind } = target
  const begun = Date.now()
  const debug = (what: string) => {
    if (process.env.BENCH_DEBUG) console.error(`  ${what} at ${Date.now() - begun} ms`)
  }
  let fleet: ClientFleet | null = null
  try {
    const joinTimes: number[] = []
    const boards = await provisionBoards(target.api, spec.boards, spec.readersPerBoard + 1, joinTimes)
    debug('provisioned')
    fleet = await ClientFleet.start(1 + spec.readerProcesses, pinning.clients)
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
          url: target.readerUrl,
          writeRate: 0,
          phaseMs: 0,
          reads: true,
        })
      })
    })
    const transport = kind === 'y-websocket' ? 'y-websocket' : 'hocuspocus'
    const opened = await fleet.open(transport, perProcess)
    if (opened.failed > 0) {
      throw new Error(
        `${opened.failed} clients did not sync\n${target.instances.map((s) => s.output()).join('\n')}`,
      )
    }
    debug('opened')
    const tag = randomBytes(3).toString('hex')
    if (spec.warmUpMs > 0) await fleet.run(`${tag}w`, spec.warmUpMs, 5_000)
    debug('warmed up')
    await sleep(250)
    if (spec.quietWaitMs > 0) await waitForQuiet(spec.quietWaitMs)
    await Promise.all(target.instances.map((s) => s.resetStats()))
    const machine = startCpuWindow()
    const result = await fleet.run(tag, spec.durationMs, 10_000)
    const machineBusy = machine()
    const stats = await Promise.all(target.instances.map((s) => s.stats()))
    const ours = stats.reduce((sum, s) => sum + s.cpuPercent, 0) + result.clientCpuPercent
    debug('ran')
    return {
      kind,
      spec,
      connections: boards.length * (spec.readersPerBoard + 1),
      openFailed: opened.failed,
      join: percentiles(joinTimes),
      open: percentiles(opened.openMs),
      latency: percentiles(result.latencies),
      everyReader: percentiles(result.everyReader),
      written: result.written,
      deliveries: result.latencies.length,
      lost: result.lost,
      doubled: result.doubled,
      maxScheduleLagMs: result.maxScheduleLagMs,
      servers: stats,
      client: {
        cpuPercent: result.clientCpuPercent,
        eventLoopDelayP99Ms: result.clientEventLoopDelayMs.p99,
        eventLoopDelayMaxMs: result.clientEventLoopDelayMs.max,
      },
      otherCpuPercent: Math.max(0, machineBusy - ours),
    }
  } finally {
    const closing = Date.now()
    await fleet?.close()
    await target.dispose()
    debug(`closed (${Date.now() - closing} ms)`)
  }
}
