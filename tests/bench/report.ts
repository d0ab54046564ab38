import type { Machine } from './machine.ts'
import type { Mode } from './plan.ts'
import { SERVER_LABELS, type ServerKind } from './serverProcess.ts'
import type { Percentiles } from './stats.ts'
import type { BrowserOpenResult } from './suites/browserOpen.ts'
import type { ColdOpenResult } from './suites/coldOpen.ts'
import type { DurabilityResult } from './suites/durability.ts'
import type { TickLoadResult } from './suites/tickLoad.ts'

export type Pending = { pending: string }
export type Failed = { error: string }
export type Outcome<T> = T | Pending | Failed

export interface BenchResults {
  mode: Mode
  startedAt: string
  seconds: number
  machine: Machine
  fanOut: Partial<Record<ServerKind, Outcome<TickLoadResult>>>
  /** Ours again with its data directory in memory (tmpfs): what the disk's flush costs, apart from our checks. */
  fanOutInMemory: Outcome<TickLoadResult> | null
  capacity: Outcome<TickLoadResult>[]
  largeRoom: Outcome<TickLoadResult>[]
  coldOpen: Partial<Record<ServerKind, Outcome<ColdOpenResult>>>
  browser: Outcome<BrowserOpenResult> | null
  /** The same in Chromium on a new, empty board: what the page costs apart from the board's size. */
  browserEmpty: Outcome<BrowserOpenResult> | null
  durability: Outcome<DurabilityResult> | null
  scaleOut: Outcome<TickLoadResult> | null
  /** Many boards on two instances through Redis, readers split between them (absent in older results). */
  nationalEvent?: Outcome<TickLoadResult> | null
}

export function isDone<T extends object>(outcome: Outcome<T> | null | undefined): outcome is T {
  return !!outcome && !('pending' in outcome) && !('error' in outcome)
}

function why(outcome: Outcome<object> | null | undefined): string {
  if (!outcome) return 'not run'
  if ('pending' in outcome) return `pending: ${outcome.pending}`
  if ('error' in outcome) return `failed: ${(outcome as Failed).error.split('\n')[0]}`
  return ''
}

const ms = (value: number) =>
  Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : String(Math.round(value))
const pct = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value)}%`)
const mb = (value: number) => `${Math.round(value)} MB`
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

const LOAD_HEADER = [
  'run',
  'clients',
  'ticks',
  'deliveries',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'all readers p95 ms',
  'lost',
  'doubled',
  'server CPU',
  'server RSS peak',
  'server loop delay p99/max ms',
  'client CPU',
  'client loop delay p99 ms',
  'other work on the machine',
]

function loadRow(label: string, outcome: Outcome<TickLoadResult> | null | undefined): string[] {
  if (!isDone(outcome)) return [label, why(outcome), ...LOAD_HEADER.slice(2).map(() => '')]
  const r = outcome
  const servers = r.servers
  return [
    label,
    String(r.connections),
    String(r.written),
    String(r.deliveries),
    ms(r.latency.p50),
    ms(r.latency.p95),
    ms(r.latency.p99),
    ms(r.latency.max),
    ms(r.everyReader.p95),
    String(r.lost),
    String(r.doubled),
    servers.map((s) => pct(s.cpuPercent)).join(' + '),
    servers.map((s) => mb(s.peakRssMb)).join(' + '),
    servers.map((s) => `${ms(s.eventLoopDelayMs.p99)}/${ms(s.eventLoopDelayMs.max)}`).join(' + '),
    pct(r.client.cpuPercent),
    ms(r.client.eventLoopDelayP99Ms),
    pct(r.otherCpuPercent),
  ]
}

function ratioRows(results: BenchResults): string[][] {
  const ours = results.fanOut.ours
  if (!isDone(ours)) return []
  return (['bare', 'y-websocket'] as const).flatMap((kind) => {
    const other = results.fanOut[kind]
    if (!isDone(other)) return []
    const cells = (['p50', 'p95', 'p99', 'max'] as const).map((p) => ratio(ours.latency[p], other.latency[p]))
    return [
      [
        `Co-assess ÷ ${SERVER_LABELS[kind]}`,
        '',
        '',
        '',
        ...cells,
        ratio(ours.everyReader.p95, other.everyReader.p95),
      ],
    ]
  })
}

/** Every load that ran to the end, on every server: fan-out, capacity, the large room, scale-out. */
function loadRows(results: BenchResults): TickLoadResult[] {
  return [
    ...Object.values(results.fanOut),
    results.fanOutInMemory,
    ...results.capacity,
    ...results.largeRoom,
    results.scaleOut,
    results.nationalEvent,
  ].filter(isDone)
}

/**
 * What makes the bench command fail: a suite that crashed, a tick lost or doubled, an acknowledged
 * update lost. Times never do; they are figures to read, and a shared machine moves them.
 */
export function correctnessFailures(results: BenchResults): string[] {
  const failures: string[] = []
  const failed = (what: string, outcome: Outcome<object> | null | undefined) => {
    if (outcome && 'error' in outcome) failures.push(`${what} failed: ${why(outcome)}`)
  }
  for (const [kind, outcome] of Object.entries(results.fanOut)) failed(`fan-out on ${kind}`, outcome)
  failed('fan-out in memory', results.fanOutInMemory)
  for (const outcome of [...results.capacity, ...results.largeRoom]) failed('a load run', outcome)
  for (const [kind, outcome] of Object.entries(results.coldOpen)) failed(`cold open on ${kind}`, outcome)
  failed('Chromium open', results.browser)
  failed('Chromium open of an empty board', results.browserEmpty)
  failed('durability', results.durability)
  failed('scale-out', results.scaleOut)
  failed('national event', results.nationalEvent)
  for (const r of loadRows(results))
    if (r.lost + r.doubled > 0)
      failures.push(
        `${SERVER_LABELS[r.kind]}, ${r.connections} clients: ${r.lost} lost, ${r.doubled} doubled`,
      )
  const durability = results.durability
  if (isDone(durability) && (durability.lost > 0 || durability.trialsWithLoss > 0))
    failures.push(`durability: ${durability.lost} acknowledged updates lost`)
  return failures
}

interface Target {
  what: string
  figure: string
  met: boolean | null
}

function targets(results: BenchResults): Target[] {
  const list: Target[] = []
  const add = (what: string, figure: string, met: boolean | null) => list.push({ what, figure, met })
  const ours = results.fanOut.ours
  const bare = results.fanOut.bare
  if (isDone(ours)) {
    add('fan-out p95 ≤ 10 ms', `${ms(ours.latency.p95)} ms`, ours.latency.p95 <= 10)
    if (isDone(bare)) {
      add(
        'fan-out p95 ≤ 1.3× the bare server',
        `${ratio(ours.latency.p95, bare.latency.p95)} (${ms(ours.latency.p95)} vs ${ms(bare.latency.p95)} ms)`,
        ours.latency.p95 <= 1.3 * bare.latency.p95,
      )
    } else add('fan-out p95 ≤ 1.3× the bare server', why(bare), null)
  } else add('fan-out p95 ≤ 10 ms', why(ours), null)
  const biggest = results.capacity
    .filter(isDone)
    .filter((r) => r.kind === 'ours')
    .sort((a, b) => b.connections - a.connections)[0]
  if (biggest) {
    const full = biggest.connections >= 900
    const label = full ? '' : ` (${biggest.connections} connections only: quick mode)`
    add(
      `~930 connections p95 ≤ 50 ms${label}`,
      `${ms(biggest.latency.p95)} ms`,
      full ? biggest.latency.p95 <= 50 : null,
    )
    const rss = Math.max(...biggest.servers.map((s) => s.peakRssMb))
    add(`~930 connections server RSS ≤ 250 MB${label}`, mb(rss), full ? rss <= 250 : null)
    const perConnection = Math.max(...biggest.memory.map((m) => m.rssPerConnectionKb))
    add(
      `~930 connections: ≤ 60 KB RSS a connection above the server before they opened${label}`,
      `${perConnection.toFixed(1)} KB`,
      full ? perConnection <= 60 : null,
    )
  } else add('~930 connections p95 ≤ 50 ms', why(results.capacity[0]), null)
  const room = results.largeRoom.filter(isDone).find((r) => r.kind === 'ours')
  if (room) {
    const full = room.connections >= 200
    add(
      `${room.connections}-client room p95 ≤ 100 ms${full ? '' : ' (quick mode: smaller room)'}`,
      `${ms(room.latency.p95)} ms`,
      full ? room.latency.p95 <= 100 : null,
    )
  } else add('200-client room p95 ≤ 100 ms', why(results.largeRoom[0]), null)
  const national = results.nationalEvent
  if (isDone(national)) {
    const full = national.connections >= 3000
    add(
      `3,000 connections on two instances through Redis: p95 ≤ 100 ms${full ? '' : ` (${national.connections} connections only: quick mode)`}`,
      `${ms(national.latency.p95)} ms`,
      full ? national.latency.p95 <= 100 : null,
    )
  } else if (national)
    add('3,000 connections on two instances through Redis: p95 ≤ 100 ms', why(national), null)
  const cold = results.coldOpen.ours
  if (isDone(cold)) {
    add(
      'cold open to synced p95 ≤ 150 ms (board live)',
      `${ms(cold.openWhileLive.p95)} ms`,
      cold.openWhileLive.p95 <= 150,
    )
    const bareLive = results.coldOpen.bare
    if (cold.openAfterLeave) {
      // The issue's target for a room coming back: within 1.2× the bare server with the board live.
      const ratio = isDone(bareLive) ? cold.openAfterLeave.p95 / bareLive.openWhileLive.p95 : null
      add(
        'open after everyone left (kept warm) p95 ≤ 1.2× bare (board live)',
        `${ms(cold.openAfterLeave.p95)} ms${ratio === null ? '' : ` (${ratio.toFixed(2)}×)`}`,
        ratio === null ? null : ratio <= 1.2,
      )
    }
    if (cold.openFromStore) {
      add(
        'cold open to synced p95 ≤ 150 ms (board loaded from disk)',
        `${ms(cold.openFromStore.p95)} ms`,
        cold.openFromStore.p95 <= 150,
      )
    }
  } else add('cold open to synced p95 ≤ 150 ms', why(cold), null)
  const browser = results.browser
  if (isDone(browser)) {
    add(
      'invite link to interactive board ≤ 1.5 s (p95)',
      `${ms(browser.linkToBoard.p95)} ms`,
      browser.linkToBoard.p95 <= 1500,
    )
  } else add('invite link to interactive board ≤ 1.5 s', why(browser), null)
  const loads = loadRows(results)
  if (loads.length > 0) {
    const lost = loads.reduce((sum, r) => sum + r.lost, 0)
    const doubled = loads.reduce((sum, r) => sum + r.doubled, 0)
    add(
      'no tick lost or doubled, in every load run',
      `${lost} lost, ${doubled} doubled in ${loads.length} runs`,
      lost + doubled === 0,
    )
  }
  const durability = results.durability
  if (isDone(durability)) {
    add(
      'zero updates lost in every durability trial',
      `${durability.lost} lost of ${durability.acknowledged} acknowledged, ${durability.trials} trials`,
      durability.lost === 0 && durability.trialsWithLoss === 0,
    )
  } else add('zero updates lost in every durability trial', why(durability), null)
  return list
}

const pRow = (label: string, p: Percentiles | null | undefined) =>
  p ? [label, ms(p.p50), ms(p.p95), ms(p.max), String(p.count)] : [label, '–', '–', '–', '0']

/** The whole run as Markdown: the machine, one table per suite, the targets. */
export function renderReport(results: BenchResults): string {
  const m = results.machine
  const out: string[] = []
  out.push(`# Co-assess benchmarks (${results.mode} mode)`)
  out.push('')
  out.push(
    `Run ${results.startedAt}, ${Math.round(results.seconds)} s. Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Linux ${m.kernel}, Node ${m.node}; ${m.pinning}. Disk: a small append + fsync takes ${ms(m.fsyncMs.p50)} ms at p50, ${ms(m.fsyncMs.p99)} ms at p99. Load average when the run began: ${m.loadAverage.toFixed(1)}. All traffic over loopback. Latency is from the writer's timestamp to each reader's observer of the ticks map, across processes on one clock.`,
  )
  out.push('')
  const fan = Object.values(results.fanOut).find(isDone)
  out.push(
    `## Tick fan-out: one board, 1 writer and ${fan ? fan.connections - 1 : 30} readers, ${fan?.spec.ticksPerSecond ?? 20} ticks/s for ${fan ? fan.spec.durationMs / 1000 : '?'} s`,
  )
  out.push('')
  out.push(
    table(LOAD_HEADER, [
      ...(['ours', 'bare', 'y-websocket'] as const).map((kind) =>
        loadRow(SERVER_LABELS[kind], results.fanOut[kind]),
      ),
      ...(results.fanOutInMemory
        ? [loadRow('Co-assess, data directory on tmpfs (experiment)', results.fanOutInMemory)]
        : []),
      ...ratioRows(results).map((row) => [...row, ...LOAD_HEADER.slice(row.length).map(() => '')]),
    ]),
  )
  out.push('')
  out.push('## Capacity: many boards in one server process (1 writer + 30 readers each)')
  out.push('')
  out.push(
    table(
      LOAD_HEADER,
      results.capacity.map((r) =>
        loadRow(
          isDone(r)
            ? `${SERVER_LABELS[r.kind]}: ${r.spec.boards} boards, ${r.spec.ticksPerSecond} ticks/s each, ${r.spec.durationMs / 1000} s`
            : 'capacity',
          r,
        ),
      ),
    ),
  )
  const openRows = results.capacity.filter(isDone).filter((r) => r.kind === 'ours')
  if (openRows.length > 0) {
    out.push('')
    out.push(
      `Connecting: ${openRows.map((r) => `${r.connections} clients opened 16 at a time per client process, each synced in p50 ${ms(r.open.p50)} ms, p95 ${ms(r.open.p95)} ms`).join('; ')}.`,
    )
  }
  const memoryRows = [...results.capacity, ...results.largeRoom, results.nationalEvent].filter(isDone)
  if (memoryRows.length > 0) {
    out.push('')
    out.push(
      'Memory a connection holds: each server after a full collection, before any client opened (its boards made through the API) and with every client connected and synced, before any tick:',
    )
    out.push('')
    out.push(
      table(
        [
          'run',
          'connections',
          'RSS before → connected',
          'heap before → connected',
          'RSS a connection',
          'heap a connection',
        ],
        memoryRows.flatMap((r) =>
          r.memory.map((m, i) => [
            `${SERVER_LABELS[r.kind]}${r.memory.length > 1 ? ` (instance ${'AB'[i]})` : ''}: ${r.spec.boards} boards of ${r.spec.readersPerBoard + 1}`,
            String(m.connections),
            `${mb(m.base.rssMb)} → ${mb(m.connected.rssMb)}`,
            `${mb(m.base.heapUsedMb)} → ${mb(m.connected.heapUsedMb)}`,
            `${m.rssPerConnectionKb.toFixed(1)} KB`,
            `${m.heapPerConnectionKb.toFixed(1)} KB`,
          ]),
        ),
      ),
    )
  }
  out.push('')
  out.push('## A large room: one board, a public event')
  out.push('')
  out.push(
    table(
      LOAD_HEADER,
      results.largeRoom.map((r) =>
        loadRow(
          isDone(r)
            ? `${SERVER_LABELS[r.kind]}: ${r.connections} clients, ${r.spec.ticksPerSecond} ticks/s, ${r.spec.durationMs / 1000} s`
            : 'large room',
          r,
        ),
      ),
    ),
  )
  out.push('')
  out.push('## Scale-out: two Co-assess instances on Redis and PostgreSQL (writer on A, readers on B)')
  out.push('')
  out.push(table(LOAD_HEADER, [loadRow('A → B through Redis', results.scaleOut)]))
  const scale = results.scaleOut
  const single = results.capacity.filter(isDone).find((r) => r.kind === 'ours')
  if (isDone(scale)) {
    out.push('')
    out.push(
      `Joining through the API (POST /api/invites/:token/join, 4 at a time): p50 ${ms(scale.join.p50)} ms, p95 ${ms(scale.join.p95)} ms on the scale-out pair${single ? `; p50 ${ms(single.join.p50)} ms, p95 ${ms(single.join.p95)} ms on one instance with the embedded store` : ''}.`,
    )
  }
  out.push('')
  out.push(
    '## A national event: many boards on two instances through Redis and PostgreSQL (each board: writer on A, readers split between B and A)',
  )
  out.push('')
  const national = results.nationalEvent
  out.push(
    table(LOAD_HEADER, [
      loadRow(
        isDone(national)
          ? `${national.connections} connections, ${national.spec.boards} boards, ${national.spec.ticksPerSecond} tick/s each, ${national.spec.durationMs / 1000} s`
          : 'national event',
        national,
      ),
    ]),
  )
  if (isDone(national)) {
    out.push('')
    out.push(
      `Connecting: ${national.connections} clients, each synced in p50 ${ms(national.open.p50)} ms, p95 ${ms(national.open.p95)} ms; joining through the API p50 ${ms(national.join.p50)} ms, p95 ${ms(national.join.p95)} ms.`,
    )
  }
  out.push('')
  const cold = Object.values(results.coldOpen).find(isDone)
  out.push(
    `## Cold open: a finished board${cold ? ` (${cold.items} items ticked by ${Math.round(cold.ticks / cold.items)} people = ${cold.ticks} ticks, ${cold.comments} comments, ${cold.edits} edits of history)` : ''}`,
  )
  out.push('')
  out.push(
    table(
      [
        'server',
        'document',
        'open while live p50 ms',
        'p95 ms',
        'max ms',
        'open after all left (kept warm) p50 ms',
        'p95 ms',
        'open from disk p50 ms',
        'p95 ms',
        'max ms',
        'runs',
      ],
      (['ours', 'bare', 'y-websocket'] as const)
        .filter((kind) => results.coldOpen[kind])
        .map((kind) => {
          const r = results.coldOpen[kind]
          if (!isDone(r)) return [SERVER_LABELS[kind], why(r), '', '', '', '', '', '', '', '', '']
          const store = r.openFromStore
          const warm = r.openAfterLeave
          return [
            SERVER_LABELS[kind],
            kb(r.documentBytes),
            ms(r.openWhileLive.p50),
            ms(r.openWhileLive.p95),
            ms(r.openWhileLive.max),
            warm ? ms(warm.p50) : '',
            warm ? ms(warm.p95) : '',
            store ? ms(store.p50) : 'no store',
            store ? ms(store.p95) : '',
            store ? ms(store.max) : '',
            String(r.openWhileLive.count),
          ]
        }),
    ),
  )
  out.push('')
  out.push(
    '## In Chromium: invite link to an interactive board (the cold-open board, fresh profile each run)',
  )
  out.push('')
  const b = results.browser
  const e = results.browserEmpty
  if (isDone(b)) {
    const rows = (label: string, r: BrowserOpenResult) => [
      pRow(`${label}: link → join form ready`, r.linkToForm),
      pRow(`${label}: "Join the board" → board data in the page`, r.joinToData),
      pRow(`${label}: "Join the board" → board synced on screen`, r.joinToBoard),
      pRow(`${label}: **link → interactive board** (form filled by script)`, r.linkToBoard),
      pRow(`${label}: of which the script filling the form (three fields and a choice)`, r.formFill),
      pRow(`${label}: what the page makes a person wait (link → form, then "Join" → synced)`, r.pageWait),
      pRow(`${label}: reload (cached) → synced`, r.reloadToBoard),
    ]
    out.push(
      table(
        ['step', 'p50 ms', 'p95 ms', 'max ms', 'runs'],
        [...rows('full board', b), ...(isDone(e) ? rows('empty board', e) : [])],
      ),
    )
    out.push('')
    out.push(
      `JavaScript on the page: ${kb(b.jsBytes)} (${kb(b.jsGzipBytes)} gzipped); the server sends it ${b.servedCompressed ? 'compressed' : 'uncompressed'}. "Synced on screen" is the board's status saying "All changes saved" (connected, first sync done, nothing waiting). Requests off this machine (the NHS web font) are refused at once.`,
    )
  } else out.push(why(b))
  out.push('')
  out.push('## Durability: SIGKILL while people write')
  out.push('')
  const d = results.durability
  if (isDone(d)) {
    out.push(
      table(
        [
          'trials',
          'writes sent',
          'acknowledged',
          'recovered',
          'lost',
          'trials with a loss',
          'restart → listening p50/p95 ms',
          'restart → board synced p50/p95/max ms',
        ],
        [
          [
            String(d.trials),
            String(d.attempted),
            String(d.acknowledged),
            String(d.recovered),
            String(d.lost),
            String(d.trialsWithLoss),
            `${ms(d.restartToListening.p50)} / ${ms(d.restartToListening.p95)}`,
            `${ms(d.restartToSynced.p50)} / ${ms(d.restartToSynced.p95)} / ${ms(d.restartToSynced.max)}`,
          ],
        ],
      ),
    )
    out.push('')
    out.push(
      `The slowest restart (${ms(d.slowest.restartMs)} ms to a synced board) replayed a log of ${Math.round(d.slowest.logKb)} KB on top of a ${Math.round(d.slowest.snapshotKb)} KB snapshot; the board ends at ${Math.round(d.documentKb)} KB.`,
    )
  } else out.push(why(d))
  out.push('')
  out.push('## Targets')
  out.push('')
  if (results.mode === 'quick') {
    out.push(
      'Quick mode runs smaller and shorter loads: these checks show the harness works; the full mode decides the targets.',
    )
    out.push('')
  }
  out.push(
    table(
      ['target', 'figure', 'met'],
      targets(results).map((t) => [
        t.what,
        t.figure,
        t.met === null ? 'not measured' : t.met ? 'yes' : '**no**',
      ]),
    ),
  )
  out.push('')
  return out.join('\n')
}
