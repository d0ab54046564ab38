import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { setTick, type Tick, tickKey } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import * as Y from 'yjs'
import { frameworkItems } from '../../utils/frameworkItems.ts'
import { type BenchProvider, openProvider } from '../clients/transports.ts'
import { nowMs, sleep } from '../clock.ts'
import type { Pinning } from '../pinning.ts'
import { provisionBoards } from '../provision.ts'
import { type BenchServer, startBenchServer } from '../serverProcess.ts'
import { type Percentiles, percentiles } from '../stats.ts'

export interface DurabilitySpec {
  trials: number
  writers: number
}

export interface DurabilityResult {
  trials: number
  attempted: number
  acknowledged: number
  recovered: number
  lost: number
  /** Trials in which at least one acknowledged update was missing after the restart. */
  trialsWithLoss: number
  /** From starting the killed server again until it answers HTTP. */
  restartToListening: Percentiles
  /** From starting the killed server again to a client synced with the whole board. */
  restartToSynced: Percentiles
  /** The slowest restart, with the size of the board's log (updates since the last snapshot) it replayed. */
  slowest: { restartMs: number; logKb: number; snapshotKb: number }
  /** The board's whole document at the end. */
  documentKb: number
}

function storedSizes(dataDir: string, board: string): { logKb: number; snapshotKb: number } {
  const size = (file: string) => {
    try {
      return statSync(join(dataDir, 'docs', file)).size / 1024
    } catch {
      return 0
    }
  }
  return { logKb: size(`${board}.log`), snapshotKb: size(`${board}.snap`) }
}

async function synced(
  server: BenchServer,
  board: string,
  token: string,
  what: string,
): Promise<{ doc: Y.Doc; provider: BenchProvider }> {
  const doc = new Y.Doc()
  const provider = openProvider('hocuspocus', { url: server.wsUrl, board, token, doc })
  const ok = await Promise.race([
    new Promise<boolean>((resolve) => provider.onSynced(() => resolve(true))),
    sleep(30_000).then(() => false),
  ])
  if (!ok) {
    provider.destroy()
    throw new Error(`${what}: no sync within 30 s\n${server.output()}`)
  }
  return { doc, provider }
}

/**
 * Steady writing, then SIGKILL at a random moment: every update the server acknowledged must be
 * there after the restart. Each writer sends a tick, waits for the server's acknowledgement, and
 * sends the next, so every acknowledgement is attributed to one known tick. Earlier trials' ticks
 * are checked again after every later crash.
 */
export async function runDurability(spec: DurabilitySpec, pinning: Pinning): Promise<DurabilityResult> {
  let server = await startBenchServer('ours', { prefix: pinning.server })
  const { port, dataDir } = server
  const restarts: number[] = []
  const listening: number[] = []
  let slowest = { restartMs: 0, logKb: 0, snapshotKb: 0 }
  // Writers cycle through the framework's items; each write carries a stamp higher than any before it,
  // so an acknowledged write survived if its key holds that stamp or a later one.
  const { items } = frameworkItems()
  const acknowledged: Array<{ key: string; at: number }> = []
  const survived = (stored: Y.Map<Tick>, { key, at }: { key: string; at: number }) =>
    (stored.get(key)?.at ?? -1) >= at
  let stamp = 0
  let attempted = 0
  let trialsWithLoss = 0
  try {
    const [board] = await provisionBoards(server, 1, spec.writers + 1)
    const writers = board!.people.slice(0, spec.writers)
    const checker = board!.people[spec.writers]!
    for (let trial = 1; trial <= spec.trials; trial++) {
      const clients = await Promise.all(
        writers.map((w, i) => synced(server, board!.board, w.token, `trial ${trial}, writer ${i}`)),
      )
      let killed = false
      const writing = clients.map(async ({ doc, provider }, index) => {
        const personId = writers[index]!.personId
        for (let n = 0; n < 999 * 50 && !killed; n++) {
          const item = items[(n * 7 + index * 101) % items.length]!
          const at = ++stamp
          setTick(doc, personId, item, n % 2 === 0, at)
          attempted++
          const deadline = Date.now() + 5000
          while (!provider.allAcknowledged && !killed && Date.now() < deadline) await sleep(1)
          if (killed || !provider.allAcknowledged) return
          acknowledged.push({ key: tickKey(personId, item), at })
        }
      })
      await sleep(300 + Math.random() * 1200)
      // Mark first, then kill: an acknowledgement read after the mark is not counted, which only makes
      // the check stricter.
      killed = true
      await server.stop('SIGKILL')
      await Promise.all(writing)
      for (const client of clients) client.provider.destroy()

      const sizes = storedSizes(dataDir!, board!.board)
      const restartAt = nowMs()
      server = await startBenchServer('ours', { prefix: pinning.server, port, dataDir: dataDir! })
      listening.push(nowMs() - restartAt)
      const check = await synced(server, board!.board, checker.token, `trial ${trial}, check after restart`)
      const restartMs = nowMs() - restartAt
      restarts.push(restartMs)
      if (restartMs > slowest.restartMs) slowest = { restartMs, ...sizes }
      const stored = ticksMap(check.doc)
      if (acknowledged.some((write) => !survived(stored, write))) trialsWithLoss++
      check.provider.destroy()
    }
    const final = await synced(server, board!.board, checker.token, 'final check')
    const stored = ticksMap(final.doc)
    const recovered = acknowledged.filter((write) => survived(stored, write)).length
    const result: DurabilityResult = {
      trials: spec.trials,
      attempted,
      acknowledged: acknowledged.length,
      recovered,
      lost: acknowledged.length - recovered,
      trialsWithLoss,
      restartToListening: percentiles(listening),
      restartToSynced: percentiles(restarts),
      slowest,
      documentKb: Y.encodeStateAsUpdate(final.doc).byteLength / 1024,
    }
    final.provider.destroy()
    return result
  } finally {
    await server.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}
