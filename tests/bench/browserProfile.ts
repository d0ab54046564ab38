import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { COUNT_REACT_COMMITS, type ReactCommits } from '../utils/reactCommits.ts'
import { nowMs } from './clock.ts'
import { detectPinning } from './pinning.ts'
import { buildWebApp } from './suites/browserOpen.ts'
import { runColdOpen } from './suites/coldOpen.ts'

// Where a browser's time goes on the bench's finished board (BENCHMARKS.md, "The browser rows"):
//
//   node tests/bench/browserProfile.ts [--runs 3] [--profile [--readable]] [--quick] [--out bench-results/profile]
//
// Builds the cold-open board (30 people, 8,400 ticks, 500 comments; with --quick the quick bench's
// 10 people, 2,800 ticks, 100 comments) on Co-assess and the web app, then
// walks the Chromium suite's path (invite link, form, "Join the board", skip the questions, synced on
// screen, reload) several times. For each run it prints the figures the bench prints and a timeline from
// inside the page: sockets opened and every message over 1 KB (with its document and Yjs message type),
// IndexedDB opened, each fetch, each long task (over 50 ms), each React commit (how many components
// were drawn again and for the first time, and the outermost of them: --readable names them), the provider synced, the board first on screen and "All changes saved".
// With --trace the last run also writes a Chrome trace of the reload (reload.trace.json, for the
// Performance panel) and prints its main thread's time by kind of work (script, style, layout).
// With --profile the last run also writes a V8 CPU profile of each path (open in Chrome DevTools):
// the link to "Join" pressed (form), the questions skipped to synced (join), and the reload;
// --readable builds the app unminified so the profiles name each function.
// A figure to read, never a test: nothing here asserts a time.

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    runs: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    readable: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
    out: { type: 'string', default: resolve(import.meta.dirname, '../../bench-results/profile') },
  },
})
const runs = Number(values.runs)
if (values.profile) mkdirSync(values.out!, { recursive: true })

/**
 * The page's own loading, from the browser's navigation and resource timing: the service worker
 * starting, the page and each script arriving (from the worker's cache on a reload), the scripts run.
 */
const LOADING_IN_PAGE = `
(() => {
  const at = (ms) => Math.round(ms)
  const [nav] = performance.getEntriesByType('navigation')
  const marks = nav ? [
    ['worker started', at(nav.workerStart)], ['page asked', at(nav.requestStart)], ['page arrived', at(nav.responseEnd)],
    ['page parsed', at(nav.domInteractive)], ['scripts run (DOMContentLoaded)', at(nav.domContentLoadedEventEnd)],
  ] : []
  for (const entry of performance.getEntriesByType('resource')) {
    if (entry.initiatorType !== 'script' && !/\\.js$/.test(entry.name)) continue
    marks.push([entry.name.split('/').pop() + ' asked', at(entry.startTime)], [entry.name.split('/').pop() + ' arrived', at(entry.responseEnd)])
  }
  return marks.sort((a, b) => a[1] - b[1])
})()
`

/**
 * Runs in the page before its own scripts (plain JavaScript: this file is type-checked without the
 * DOM's types): notes when each thing the board waits on happens.
 */
const TIMELINE_IN_PAGE = `
(() => {
  const marks = []
  globalThis.__coAssessTestHooks = true
  globalThis.__timeline = marks
  const mark = (what) => marks.push([what, Math.round(performance.now())])
  const Socket = globalThis.WebSocket
  let sockets = 0
  globalThis.WebSocket = class extends Socket {
    constructor(url, protocols) {
      super(url, protocols)
      const id = ++sockets
      mark('socket ' + id + ' made')
      this.addEventListener('open', () => mark('socket ' + id + ' open'))
      this.addEventListener('message', (event) => {
        const data = event.data
        if (!(data instanceof ArrayBuffer) || data.byteLength < 1024) return
        // A Hocuspocus message starts with the document's name, then the message type (0 = Yjs sync).
        const bytes = new Uint8Array(data)
        const nameLength = bytes[0]
        mark('socket ' + id + ' message ' + data.byteLength + ' bytes, type ' + bytes[1 + nameLength] + '.' + bytes[2 + nameLength])
      })
    }
  }
  const open = indexedDB.open.bind(indexedDB)
  indexedDB.open = (name, version) => {
    const request = open(name, version)
    request.addEventListener('success', () => mark('IndexedDB opened'))
    return request
  }
  const fetchFirst = globalThis.fetch
  globalThis.fetch = async (input, init) => {
    const what = String(input instanceof Request ? input.url : input).replace(/^https?:\\/\\/[^/]+/, '').slice(0, 60)
    mark('fetch ' + what)
    const response = await fetchFirst(input, init)
    mark('fetched ' + what)
    return response
  }
  // Each task that held the page's one thread for over 50 ms, marked at its end with its length.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      marks.push(['long task ' + Math.round(entry.duration) + ' ms', Math.round(entry.startTime + entry.duration)])
  }).observe({ type: 'longtask' })
  let synced = false
  let shown = false
  const poll = () => {
    if (!synced && globalThis.__coAssess?.provider?.isSynced) {
      synced = true
      mark('provider synced')
    }
    const state = document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-sync')
    if (!shown && state) {
      shown = true
      mark('board on screen (' + state + ')')
    }
    if (state === 'saved') mark('all changes saved')
    else requestAnimationFrame(poll)
  }
  requestAnimationFrame(poll)
})()
`

/** What Chrome's Performance panel records: enough to tell script from style, layout and paint. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
]

/**
 * The page's main thread in a trace, summed by kind of work (a task's own time, without the
 * work nested in it): script, style, layout, paint, parsing, garbage collection.
 */
function mainThreadWork(trace: Buffer): Record<string, number> {
  type Event = {
    name: string
    ph: string
    ts: number
    dur?: number
    pid: number
    tid: number
    args?: { name?: string }
  }
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: Event[] }
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) return {}
  const complete = traceEvents
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  // Self time: each event's length less its direct children's.
  const self = new Map<string, number>()
  const stack: Event[] = []
  for (const event of complete) {
    while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= event.ts)
      stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur!)
    self.set(event.name, (self.get(event.name) ?? 0) + event.dur!)
    stack.push(event)
  }
  return Object.fromEntries(
    [...self]
      .map(([name, us]) => [name, Math.round(us / 1000)] as const)
      .filter(([, ms]) => ms >= 5)
      .sort((a, b) => b[1] - a[1]),
  )
}

const web = buildWebApp({ readable: values.readable })
if ('pending' in web) throw new Error(web.pending)
const pinning = detectPinning()
const board = values.quick
  ? { people: 10, comments: 100, edits: 400, runs: 1 }
  : { people: 30, comments: 500, edits: 2000, runs: 1 }
await runColdOpen('ours', board, pinning, {
  env: { CO_ASSESS_WEB_DIST: web.dir },
  afterBuild: async (server, board) => {
    const chair = board.people[board.people.length - 1]!
    const made = await fetch(`${server.httpUrl}/api/assessments/${board.board}/invites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${chair.token}` },
      body: JSON.stringify({ role: 'participant', expiresInDays: 1 }),
    })
    const invite = (await made.json()) as { token: string }
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    })
    const saved = `document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-sync') === 'saved' && location.pathname.startsWith('/a/')`
    try {
      for (let run = 0; run < runs; run++) {
        const profile = values.profile && run === runs - 1
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
        await context.addInitScript({ content: TIMELINE_IN_PAGE })
        await context.addInitScript({ content: COUNT_REACT_COMMITS })
        await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        if (profile) {
          await cdp.send('Profiler.enable')
          await cdp.send('Profiler.start')
        }
        const start = nowMs()
        await page.goto(`${server.httpUrl}/join/${invite.token}`, { waitUntil: 'commit' })
        const join = page.getByRole('button', { name: 'Join the board' })
        await join.waitFor({ state: 'visible', timeout: 30_000 })
        await page.getByLabel('Your name').fill(`Profiled visitor ${run + 1}`)
        await page.getByLabel('Your organisation').fill('Bench VCSE')
        await page.getByRole('radio', { name: /Voluntary, community or social enterprise/ }).check()
        const pressed = nowMs()
        if (profile) {
          const { profile: cpu } = await cdp.send('Profiler.stop')
          writeFileSync(resolve(values.out!, 'form.cpuprofile'), JSON.stringify(cpu))
        }
        await join.click()
        const skip = page.getByRole('button', { name: 'Skip these questions' })
        await skip.waitFor({ state: 'visible', timeout: 60_000 })
        if (profile) await cdp.send('Profiler.start')
        const asked = nowMs()
        await skip.click()
        const onQuestions = nowMs() - asked
        await page.waitForFunction(saved, null, { polling: 'raf', timeout: 60_000 })
        const done = nowMs()
        if (profile) {
          const { profile: cpu } = await cdp.send('Profiler.stop')
          writeFileSync(resolve(values.out!, 'join.cpuprofile'), JSON.stringify(cpu))
        }
        const joinTimeline = await page.evaluate('globalThis.__timeline')
        if (profile) await cdp.send('Profiler.start')
        const trace = values.trace && run === runs - 1
        if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES })
        const reloaded = nowMs()
        await page.reload({ waitUntil: 'commit' })
        await page.waitForFunction(saved, null, { polling: 'raf', timeout: 60_000 })
        const reloadMs = nowMs() - reloaded
        if (profile) {
          const { profile: cpu } = await cdp.send('Profiler.stop')
          writeFileSync(resolve(values.out!, 'reload.cpuprofile'), JSON.stringify(cpu))
        }
        if (trace) {
          const events = await browser.stopTracing()
          mkdirSync(values.out!, { recursive: true })
          writeFileSync(resolve(values.out!, 'reload.trace.json'), events)
          console.log(
            `  the reload's main thread, by kind of work (ms): ${JSON.stringify(mainThreadWork(events))}`,
          )
        }
        const reloadTimeline = await page.evaluate('globalThis.__timeline')
        const commits = (await page.evaluate('globalThis.__renders.log')) as ReactCommits['log']
        const reloadLoading = await page.evaluate(LOADING_IN_PAGE)
        const elements = await page.evaluate(`document.getElementsByTagName('*').length`)
        console.log(
          `run ${run + 1}: link → interactive ${Math.round(done - start - onQuestions)} ms, "Join" → synced on screen ${Math.round(done - pressed - onQuestions)} ms, reload → synced ${Math.round(reloadMs)} ms`,
        )
        console.log(`  join page → board: ${JSON.stringify(joinTimeline)}`)
        console.log(`  reload: ${JSON.stringify(reloadTimeline)}`)
        console.log(`  reload, loading: ${JSON.stringify(reloadLoading)}`)
        console.log(`  elements on the reloaded page: ${elements}`)
        console.log(
          `  React commits of the reload (ms, components drawn again, drawn first, the outermost): ${JSON.stringify(commits)}`,
        )
        await context.close()
      }
    } finally {
      await browser.close()
    }
  },
})
process.exit()
