import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Response } from '@playwright/test'
import { nowMs } from '../clock.ts'
import type { Board } from '../provision.ts'
import type { BenchServer } from '../serverProcess.ts'
import { type Percentiles, percentiles } from '../stats.ts'

const CHROMIUM = '/usr/bin/chromium'
const REPO = resolve(import.meta.dirname, '../../..')

export interface BrowserOpenResult {
  runs: number
  /** Opening the invite link until the join form can be used. */
  linkToForm: Percentiles
  /** Pressing "Join the board" until the page's provider has the whole board (the data is there). */
  joinToData: Percentiles
  /** Pressing "Join the board" until the board shows everything synced. */
  joinToBoard: Percentiles
  /** The whole way, link to interactive board, with the form filled in by the script (no typing time). */
  linkToBoard: Percentiles
  /**
   * The script filling the form: three fields and a choice, each a Playwright action that also waits
   * while the page is busy (it fetches and runs the board's code meanwhile). A person takes longer.
   */
  formFill: Percentiles
  /** What the page itself makes a person wait on the way: link → form ready plus "Join" → synced. */
  pageWait: Percentiles
  /** Reloading the board afterwards (scripts cached, board in IndexedDB) until synced again. */
  reloadToBoard: Percentiles
  jsBytes: number
  jsGzipBytes: number
  /** Whether the server sent the scripts compressed. */
  servedCompressed: boolean
}

/**
 * Builds the web app into a directory of the bench's own (apps/web/dist belongs to whoever built it
 * last) and returns it, or why it cannot.
 */
/** `readable`: no minifying, so a CPU profile names each function (browserProfile.ts --readable). */
export function buildWebApp(options: { readable?: boolean } = {}): { dir: string } | { pending: string } {
  if (!existsSync(resolve(REPO, 'apps/web/package.json'))) return { pending: 'no web app in apps/web yet' }
  const dir = mkdtempSync(join(tmpdir(), 'co-assess-bench-web-'))
  const built = spawnSync(
    process.execPath,
    [
      resolve(REPO, 'apps/web/node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'error',
      ...(options.readable ? ['--minify', 'false'] : []),
    ],
    { cwd: resolve(REPO, 'apps/web'), encoding: 'utf8', timeout: 120_000 },
  )
  if (built.status !== 0 || !existsSync(join(dir, 'index.html'))) {
    rmSync(dir, { recursive: true, force: true })
    return {
      pending: `the web app did not build: ${(built.stderr || built.stdout || '').trim().slice(0, 400)}`,
    }
  }
  return { dir }
}

/**
 * A new person opens an invite link to a full board in a fresh Chromium profile (nothing cached),
 * joins through the form and waits until the board says everything is synced.
 */
export async function runBrowserOpen(
  server: BenchServer,
  board: Board,
  runs: number,
): Promise<BrowserOpenResult | { pending: string }> {
  if (!existsSync(CHROMIUM)) return { pending: `no Chromium at ${CHROMIUM}` }
  const chair = board.people[board.people.length - 1]!
  const inviteResponse = await fetch(`${server.httpUrl}/api/assessments/${board.board}/invites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${chair.token}` },
    body: JSON.stringify({ role: 'participant', expiresInDays: 1 }),
  })
  if (!inviteResponse.ok) return { pending: `could not make an invite: ${await inviteResponse.text()}` }
  const invite = (await inviteResponse.json()) as { token: string }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  })
  const linkToForm: number[] = []
  const joinToData: number[] = []
  const formFill: number[] = []
  const pageWait: number[] = []
  const joinToBoard: number[] = []
  const linkToBoard: number[] = []
  const reloadToBoard: number[] = []
  let jsBytes = 0
  let jsGzipBytes = 0
  let servedCompressed = false
  const dataSynced = `globalThis.__coAssess?.provider?.isSynced === true`
  const boardSynced = `document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-sync') === 'saved' && location.pathname.startsWith('/a/')`
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      // The app's opt-in test hooks expose its provider, to tell data arrival from rendering.
      await context.addInitScript(() => {
        ;(globalThis as Record<string, unknown>).__coAssessTestHooks = true
      })
      // Only this machine is reachable: the NHS web-font host is refused at once rather than timing out.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
      const page = await context.newPage()
      const scripts: Promise<void>[] = []
      const countScript = (response: Response) => {
        if (response.request().resourceType() !== 'script') return
        scripts.push(
          response.body().then((body) => {
            jsBytes += body.byteLength
            jsGzipBytes += gzipSync(body).byteLength
            if (/gzip|br|deflate|zstd/.test(response.headers()['content-encoding'] ?? ''))
              servedCompressed = true
          }),
        )
      }
      if (run === 0) page.on('response', countScript)
      const start = nowMs()
      await page.goto(`${server.httpUrl}/join/${invite.token}`, { waitUntil: 'commit' })
      const join = page.getByRole('button', { name: 'Join the board' })
      await join.waitFor({ state: 'visible', timeout: 30_000 })
      const formReady = nowMs()
      await page.getByLabel('Your name').fill(`Bench visitor ${run + 1}`)
      await page.getByLabel('Your organisation').fill('Bench VCSE')
      await page.getByRole('radio', { name: /Voluntary, community or social enterprise/ }).check()
      const pressed = nowMs()
      await join.click()
      // A person counted in the room is offered the optional equality questions next; the visitor
      // skips them at once, and the time the page waits for that click is not the board's.
      const skip = page.getByRole('button', { name: 'Skip these questions' })
      await skip.waitFor({ state: 'visible', timeout: 60_000 })
      const asked = nowMs()
      await skip.click()
      const onQuestions = nowMs() - asked
      await page.waitForFunction(dataSynced, null, { polling: 'raf', timeout: 60_000 })
      const dataAt = nowMs()
      await page.waitForFunction(boardSynced, null, { polling: 'raf', timeout: 60_000 })
      const done = nowMs()
      joinToData.push(dataAt - pressed - onQuestions)
      linkToForm.push(formReady - start)
      joinToBoard.push(done - pressed - onQuestions)
      linkToBoard.push(done - start - onQuestions)
      formFill.push(pressed - formReady)
      pageWait.push(formReady - start + (done - pressed - onQuestions))
      page.off('response', countScript)
      await Promise.all(scripts)

      const reloaded = nowMs()
      await page.reload({ waitUntil: 'commit' })
      await page.waitForFunction(boardSynced, null, { polling: 'raf', timeout: 60_000 })
      reloadToBoard.push(nowMs() - reloaded)
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return {
    runs,
    linkToForm: percentiles(linkToForm),
    joinToData: percentiles(joinToData),
    formFill: percentiles(formFill),
    pageWait: percentiles(pageWait),
    joinToBoard: percentiles(joinToBoard),
    linkToBoard: percentiles(linkToBoard),
    reloadToBoard: percentiles(reloadToBoard),
    jsBytes,
    jsGzipBytes,
    servedCompressed,
  }
}
