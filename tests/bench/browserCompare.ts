import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { detectPinning } from './pinning.ts'
import { provisionBoards } from './provision.ts'
import { percentiles } from './stats.ts'
import { type BrowserOpenResult, runBrowserOpen } from './suites/browserOpen.ts'
import { runColdOpen } from './suites/coldOpen.ts'

// Before and after for the browser rows on one shared machine: two or more builds of the web app
// (say, one from a copy of the commit before a change and one from this checkout), opened by the
// Chromium suite's walk in alternating runs against one server and one board, so drift in the
// machine's other work falls on each alike. Build each with `vite build --outDir <dir>`, then:
//
//   node tests/bench/browserCompare.ts --rounds 6 before=/tmp/web-before after=/tmp/web-after
//
// The server (this checkout's) serves one directory holding every build's files: the hashed scripts
// differ by name, and the few files of the same name (the page, the service worker) are put in place
// for each variant before its run. --full opens the full mode's board (30 people, 8,400 ticks).
// A figure to read, never a test: nothing here asserts a time.

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { rounds: { type: 'string', default: '5' }, full: { type: 'boolean', default: false } },
  allowPositionals: true,
})
const variants = positionals.map((arg) => {
  const match = /^([^=]+)=(.+)$/.exec(arg)
  if (!match) throw new Error(`"${arg}" is not label=built-web-app-directory`)
  return { label: match[1]!, dir: resolve(match[2]!) }
})
if (variants.length < 2) throw new Error('Give two builds or more: label=dir label=dir')

const filesUnder = (root: string): string[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) =>
    statSync(join(root, path)).isFile(),
  )

// One directory with every build's files; where two builds have a file of the same name but other
// bytes, each variant's own copy is put back before its runs.
const union = mkdtempSync(join(tmpdir(), 'co-assess-browser-compare-'))
const clashing = new Set<string>()
for (const { dir } of variants) {
  for (const path of filesUnder(dir)) {
    const there = join(union, path)
    let existing: Buffer | null = null
    try {
      existing = readFileSync(there)
    } catch {}
    if (existing && !existing.equals(readFileSync(join(dir, path)))) clashing.add(path)
    if (!existing) cpSync(join(dir, path), there)
  }
}
const useVariant = (dir: string) => {
  for (const path of clashing) cpSync(join(dir, path), join(union, path))
}
console.error(`serving ${relative(process.cwd(), union)}; per-variant files: ${[...clashing].join(', ')}`)

const rounds = Number(values.rounds)
const spec = values.full
  ? { people: 30, comments: 500, edits: 2000, runs: 1 }
  : { people: 10, comments: 100, edits: 400, runs: 1 }
type Step = Exclude<keyof BrowserOpenResult, 'runs' | 'jsBytes' | 'jsGzipBytes' | 'servedCompressed'>
const STEPS: [Step, string][] = [
  ['linkToForm', 'link → join form ready'],
  ['joinToData', '"Join the board" → board data in the page'],
  ['joinToBoard', '"Join the board" → board synced on screen'],
  ['linkToBoard', 'link → interactive board'],
  ['formFill', 'of which the script filling the form'],
  ['pageWait', 'what the page makes a person wait'],
  ['reloadToBoard', 'reload (cached) → synced'],
]
const samples = new Map<string, number[]>()
const jsBytes = new Map<string, number>()
const add = (key: string, value: number) => samples.set(key, [...(samples.get(key) ?? []), value])

try {
  await runColdOpen('ours', spec, detectPinning(), {
    env: { CO_ASSESS_WEB_DIST: union },
    afterBuild: async (server, full) => {
      const [empty] = await provisionBoards(server, 1, 2)
      for (let round = 0; round < rounds; round++) {
        // Each round starts with the next variant, so none always runs first after the board is built.
        for (let i = 0; i < variants.length; i++) {
          const { label, dir } = variants[(round + i) % variants.length]!
          useVariant(dir)
          for (const [boardLabel, board] of [
            ['full board', full],
            ['empty board', empty!],
          ] as const) {
            const result = await runBrowserOpen(server, board, 1)
            if ('pending' in result) throw new Error(result.pending)
            for (const [step] of STEPS) add(`${label}|${boardLabel}|${step}`, result[step].p50)
            jsBytes.set(label, result.jsBytes)
          }
        }
        console.error(`round ${round + 1} of ${rounds} done`)
      }
    },
  })
} finally {
  rmSync(union, { recursive: true, force: true })
}

console.log(`| step | ${variants.map((v) => `${v.label} p50 / p95 ms`).join(' | ')} |`)
console.log(`| --- | ${variants.map(() => '---:').join(' | ')} |`)
for (const boardLabel of ['full board', 'empty board']) {
  for (const [step, words] of STEPS) {
    const cells = variants.map(({ label }) => {
      const figures = percentiles(samples.get(`${label}|${boardLabel}|${step}`) ?? [])
      return `${Math.round(figures.p50)} / ${Math.round(figures.p95)}`
    })
    console.log(`| ${boardLabel}: ${words} | ${cells.join(' | ')} |`)
  }
}
console.log(
  `| JavaScript on the page, KB | ${variants.map(({ label }) => Math.round((jsBytes.get(label) ?? 0) / 1024)).join(' | ')} |`,
)
console.log(`\n${rounds} runs of each variant on each board, alternating.`)
process.exit()
