import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { LoadTarget } from './loadTarget.ts'
import { detectPinning } from './pinning.ts'
import type { ServerKind } from './serverProcess.ts'
import { runInterleaved, type TickLoadSpec } from './suites/tickLoad.ts'

// Before and after on one shared machine: the same tick load on servers from different checkouts
// (say, a worktree of the commit before a change and this one), all connected at once and measured
// in alternating rounds, so drift in the machine's other work falls on each alike. Prints one JSON
// line per server. Example, two checkouts and the bare reference:
//   node tests/bench/compare.ts --rounds 5 --spec '{"durationMs":40000}' \
//     before=/tmp/before:ours after=.:ours bare=.:bare

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { spec: { type: 'string', default: '{}' }, rounds: { type: 'string', default: '4' } },
  allowPositionals: true,
})
const spec: TickLoadSpec = {
  boards: 1,
  readersPerBoard: 30,
  ticksPerSecond: 20,
  durationMs: 40_000,
  readerProcesses: 1,
  warmUpMs: 2000,
  quietWaitMs: 0,
  ...(JSON.parse(values.spec!) as Partial<TickLoadSpec>),
}
const targets = positionals.map((arg) => {
  const match = /^([^=]+)=(.+):(ours|bare|y-websocket)$/.exec(arg)
  if (!match) throw new Error(`"${arg}" is not label=checkout:kind (kind: ours, bare or y-websocket)`)
  return { label: match[1]!, checkout: resolve(match[2]!), kind: match[3] as ServerKind }
})
const pinning = detectPinning()
const results = await runInterleaved(
  targets.map(({ label, checkout, kind }) => async (): Promise<LoadTarget> => {
    // Each checkout starts its own server code, with its own bench helper (and its own flags for ours).
    const { startBenchServer } = (await import(
      `${checkout}/tests/bench/serverProcess.ts`
    )) as typeof import('./serverProcess.ts')
    const server = await startBenchServer(kind, { prefix: pinning.server })
    return {
      kind,
      label,
      api: server,
      writerUrl: server.wsUrl,
      readerUrl: server.wsUrl,
      instances: [server],
      dispose: () => server.dispose(),
    }
  }),
  spec,
  Number(values.rounds),
  pinning,
)
results.forEach((result, i) => {
  const label = targets[i]!.label
  if ('error' in result) {
    console.log(JSON.stringify({ label, error: result.error }))
    return
  }
  const server = result.servers[0]!
  const round = (n: number) => Math.round(n * 100) / 100
  console.log(
    JSON.stringify({
      label,
      connections: result.connections,
      p50: round(result.latency.p50),
      p95: round(result.latency.p95),
      p99: round(result.latency.p99),
      lost: result.lost,
      serverCpu: round(server.cpuPercent),
      peakRssMb: Math.round(server.peakRssMb),
      otherWork: Math.round(result.otherCpuPercent),
    }),
  )
})
process.exit()
