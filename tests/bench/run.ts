import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { singleServer } from './loadTarget.ts'
import { describeMachine } from './machine.ts'
import { waitForQuiet } from './machineLoad.ts'
import { detectPinning } from './pinning.ts'
import { type Mode, planFor } from './plan.ts'
import { provisionBoards } from './provision.ts'
import { type BenchResults, correctnessFailures, type Outcome, renderReport } from './report.ts'
import { SERVER_LABELS, type ServerKind } from './serverProcess.ts'
import { type BrowserOpenResult, buildWebApp, runBrowserOpen } from './suites/browserOpen.ts'
import { runColdOpen } from './suites/coldOpen.ts'
import { runDurability } from './suites/durability.ts'
import { startScaleOut } from './suites/scaleOut.ts'
import { runInterleaved, runTickLoad } from './suites/tickLoad.ts'

// The benchmark suite: `pnpm bench` (full, ~15 min) or `pnpm bench --quick` / BENCH_MODE=quick (< 2 min).
// Prints one Markdown report and writes it to bench-results/latest.md (and the raw figures as JSON).

const SUITES = [
  'fanout',
  'capacity',
  'room',
  'scaleout',
  'national',
  'cold',
  'browser',
  'durability',
] as const
type Suite = (typeof SUITES)[number]

const { values } = parseArgs({
  // `pnpm run bench -- --quick` passes the `--` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: resolve(import.meta.dirname, '../../bench-results') },
  },
  allowPositionals: false,
})
const mode: Mode = values.quick || process.env.BENCH_MODE === 'quick' ? 'quick' : 'full'
const only = new Set((values.only ?? SUITES.join(',')).split(',').map((s) => s.trim()))
for (const name of only) {
  if (!SUITES.includes(name as Suite)) {
    console.error(`Unknown suite "${name}": choose from ${SUITES.join(', ')}.`)
    process.exit(2)
  }
}
const wanted = (suite: Suite) => only.has(suite)

const plan = planFor(mode)
const pinning = detectPinning()
const started = Date.now()
const log = (line: string) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`)

async function attempt<T extends object>(
  what: string,
  run: () => Promise<T | { pending: string }>,
): Promise<Outcome<T>> {
  if (plan.quietWaitMs > 0) {
    const quiet = await waitForQuiet(plan.quietWaitMs)
    if (quiet.waitedMs > 2500)
      log(`waited ${Math.round(quiet.waitedMs / 1000)} s for other work on the machine to stop`)
  }
  log(`${what}…`)
  try {
    const outcome = await run()
    if ('pending' in outcome) log(`${what}: pending (${outcome.pending})`)
    return outcome
  } catch (error) {
    log(`${what} failed: ${(error as Error).stack ?? error}`)
    return { error: (error as Error).message }
  }
}

const results: BenchResults = {
  mode,
  startedAt: new Date(started).toISOString(),
  seconds: 0,
  machine: describeMachine(pinning),
  fanOut: {},
  fanOutInMemory: null,
  capacity: [],
  largeRoom: [],
  coldOpen: {},
  browser: null,
  browserEmpty: null,
  durability: null,
  scaleOut: null,
  nationalEvent: null,
}
log(`${mode} mode; ${pinning.describe}`)

const kinds: ServerKind[] = ['ours', 'bare', 'y-websocket']
if (wanted('fanout')) {
  // All servers up at once, measured in alternating rounds so the shared machine's drift hits each alike.
  // In full mode ours runs a second time with its data directory in memory (tmpfs): that splits what the
  // disk's flush costs from what our checks cost.
  const inMemory = mode === 'full' && existsSync('/dev/shm')
  const fanOut = await attempt(
    `fan-out on ${kinds.map((k) => SERVER_LABELS[k]).join(', ')}${inMemory ? ', and Co-assess on tmpfs' : ''}`,
    async () => ({
      results: await runInterleaved(
        [
          ...kinds.map((kind) => () => singleServer(kind, pinning)),
          ...(inMemory
            ? [() => singleServer('ours', pinning, { dataRoot: '/dev/shm', label: 'ours-tmpfs' })]
            : []),
        ],
        plan.fanOut,
        plan.fanOutRounds,
        pinning,
      ),
    }),
  )
  if ('results' in fanOut) {
    kinds.forEach((kind, i) => {
      results.fanOut[kind] = fanOut.results[i]!
    })
    if (inMemory) results.fanOutInMemory = fanOut.results[kinds.length]!
  } else {
    for (const kind of kinds) results.fanOut[kind] = fanOut
  }
}
if (wanted('capacity')) {
  for (const spec of plan.capacity) {
    const largest = spec === plan.capacity[plan.capacity.length - 1]
    for (const kind of ['ours' as const, ...(largest ? plan.scaleReferences : [])]) {
      results.capacity.push(
        await attempt(`capacity, ${spec.boards} boards on ${SERVER_LABELS[kind]}`, async () =>
          runTickLoad(await singleServer(kind, pinning), spec, pinning),
        ),
      )
    }
  }
}
if (wanted('room')) {
  for (const kind of ['ours' as const, ...plan.scaleReferences]) {
    results.largeRoom.push(
      await attempt(`a room of ${plan.largeRoom.readersPerBoard + 1} on ${SERVER_LABELS[kind]}`, async () =>
        runTickLoad(await singleServer(kind, pinning), plan.largeRoom, pinning),
      ),
    )
  }
}
if (wanted('scaleout')) {
  results.scaleOut = await attempt('scale-out through Redis', async () => {
    const target = await startScaleOut(pinning)
    if ('pending' in target) return target
    return runTickLoad(
      target,
      {
        boards: 1,
        readersPerBoard: plan.scaleOut.readers,
        ticksPerSecond: plan.scaleOut.ticksPerSecond,
        durationMs: plan.scaleOut.durationMs,
        readerProcesses: 1,
        warmUpMs: plan.fanOut.warmUpMs,
        quietWaitMs: plan.scaleOut.quietWaitMs,
      },
      pinning,
    )
  })
}
if (wanted('national')) {
  const spec = plan.nationalEvent
  const people = spec.boards * (spec.readersPerBoard + 1)
  results.nationalEvent = await attempt(
    `a national event: ${people} connections on two instances`,
    async () => {
      const target = await startScaleOut(pinning, {
        label: 'national event',
        redisPrefix: 'co-assess-bench-national',
        splitReaders: true,
      })
      if ('pending' in target) return target
      return runTickLoad(target, spec, pinning)
    },
  )
}
if (wanted('cold') || wanted('browser')) {
  const web = wanted('browser') ? buildWebApp() : null
  if (web && 'pending' in web) results.browser = web
  const coldKinds: ServerKind[] = mode === 'full' && wanted('cold') ? kinds : ['ours']
  for (const kind of coldKinds) {
    results.coldOpen[kind] = await attempt(`cold open on ${SERVER_LABELS[kind]}`, () =>
      runColdOpen(kind, { ...plan.coldOpen, runs: wanted('cold') ? plan.coldOpen.runs : 1 }, pinning, {
        env: web && 'dir' in web ? { CO_ASSESS_WEB_DIST: web.dir } : {},
        afterBuild:
          kind === 'ours' && web && 'dir' in web
            ? async (server, board) => {
                results.browser = await attempt<BrowserOpenResult>(
                  'Chromium: invite link to the full board',
                  () => runBrowserOpen(server, board, plan.browser.runs),
                )
                results.browserEmpty = await attempt<BrowserOpenResult>(
                  'Chromium: invite link to an empty board',
                  async () => {
                    const [empty] = await provisionBoards(server, 1, 2)
                    return runBrowserOpen(server, empty!, plan.browser.runs)
                  },
                )
              }
            : undefined,
      }),
    )
  }
  if (!wanted('cold')) results.coldOpen = {}
  if (web && 'dir' in web) rmSync(web.dir, { recursive: true, force: true })
}
if (wanted('durability')) {
  results.durability = await attempt(`durability, ${plan.durability.trials} SIGKILL trials`, () =>
    runDurability(plan.durability, pinning),
  )
}

results.seconds = (Date.now() - started) / 1000
const report = renderReport(results)
console.log(report)
mkdirSync(values.out!, { recursive: true })
writeFileSync(resolve(values.out!, 'latest.md'), report)
writeFileSync(
  resolve(values.out!, 'latest.json'),
  JSON.stringify(results, (_key, value) => (value instanceof Float64Array ? undefined : value), 2),
)
log(`written to ${resolve(values.out!, 'latest.md')}`)
// Times are figures to read, never a reason to fail; lost work or a crashed suite is.
const failures = correctnessFailures(results)
if (failures.length > 0) {
  for (const failure of failures) console.error(`bench: ${failure}`)
  process.exitCode = 1
}
// Everything is written: leave now. A full run has been seen to keep an idle pipe from a finished
// client process open, and a bench that never exits would hold up CI until its time ran out.
process.exit()
