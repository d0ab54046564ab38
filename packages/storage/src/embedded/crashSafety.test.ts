import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openEmbeddedStorage } from './openEmbeddedStorage.ts'

const child = fileURLToPath(new URL('./appendUntilKilled.ts', import.meta.url))
const TRIALS = 5

/** Runs the writer until it has acknowledged some appends, kills it at a random moment, returns its acks. */
async function killMidWrite(dir: string, trial: number): Promise<string[]> {
  const proc = spawn(process.execPath, [child, dir, String(trial)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let errors = ''
  proc.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  proc.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const started = Date.now()
  while (output.split('\n').length < 50) {
    if (proc.exitCode !== null) throw new Error(`writer exited early: ${errors}`)
    if (Date.now() - started > 20_000) throw new Error(`writer acknowledged nothing in 20 s: ${errors}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 150))
  proc.kill('SIGKILL')
  await exited
  // Only whole lines count: a key cut off mid-line was never fully reported as acknowledged.
  return output.split('\n').slice(0, -1)
}

describe('embedded storage under SIGKILL', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it(`keeps every acknowledged append across ${TRIALS} kills at random moments`, {
    timeout: 60_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'co-assess-crash-'))
    dirs.push(dir)
    const acknowledged: string[] = []
    for (let trial = 1; trial <= TRIALS; trial++) acknowledged.push(...(await killMidWrite(dir, trial)))

    const storage = await openEmbeddedStorage({ dir })
    try {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, (await storage.documents.loadDocument('crash'))!)
      const ticks = doc.getMap('ticks')
      const missing = acknowledged.filter((key) => ticks.get(key) !== true)
      expect(acknowledged.length).toBeGreaterThan(TRIALS * 50)
      console.log(
        `storage crash test: ${TRIALS} SIGKILLs, ${acknowledged.length} acknowledged appends, ${missing.length} lost`,
      )
      expect(missing).toEqual([])
    } finally {
      await storage.close()
    }
  })
})
