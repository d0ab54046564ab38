import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkDocumentStore, checkEmbeddedDocuments, formatStoreCheck, isDamaged } from './checkStore.ts'
import { encodeFrame } from './embedded/logFrame.ts'
import { openEmbeddedStorage } from './embedded/openEmbeddedStorage.ts'

const SCRIPT = resolve(import.meta.dirname, '../scripts/check-store.ts')

/** One writer's ticks, one update each, as the server appends them. */
function ticks(clientID: number, count: number): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = clientID
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 1; i <= count; i++) doc.getMap('ticks').set(`1a/emerging/${i}`, true)
  return updates
}

describe('check-store', () => {
  let dir: string
  const docs = () => join(dir, 'docs')

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'co-assess-check-'))
    const storage = await openEmbeddedStorage({ dir })
    try {
      for (const update of ticks(1, 5)) await storage.documents.appendUpdate('board-whole', update)
      for (const update of ticks(4242, 20)) await storage.documents.appendUpdate('board-hit', update)
    } finally {
      await storage.close()
    }
    // A flipped byte in board-hit's fifth update: every later tick by the same writer builds on it.
    const log = await readFile(join(docs(), 'board-hit.log'))
    const fifth = ticks(4242, 4).reduce((sum, update) => sum + encodeFrame(update).length, 0)
    log[fifth + 10] = (log[fifth + 10] ?? 0) ^ 0xff
    await writeFile(join(docs(), 'board-hit.log'), log)
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reports which boards are damaged and what they are missing, reading the files without changing them', async () => {
    const before = await readFile(join(docs(), 'board-hit.log'))
    const checks = await checkEmbeddedDocuments(docs())
    expect(checks.map((check) => [check.name, isDamaged(check)])).toEqual([
      ['board-hit', true],
      ['board-whole', false],
    ])
    expect(checks[0]).toMatchObject({
      logDamage: [expect.objectContaining({ start: expect.any(Number) })],
      unrestorable: { pendingChanges: 15, missing: [{ client: 4242, fromClock: 4 }] },
    })
    expect(formatStoreCheck(checks, 'embedded store at x')).toMatch(
      /^Checked 2 boards in the embedded store at x: 1 damaged\.\nDAMAGED board-hit: 15 stored changes cannot be applied because earlier changes they build on are missing \(writer 4242 from change 4\); its log has 1 damaged range/,
    )
    expect(await readFile(join(docs(), 'board-hit.log'))).toEqual(before)
  })

  it('still reports the loss after the server has recovered the log, through the files or the port', async () => {
    const storage = await openEmbeddedStorage({ dir })
    try {
      await storage.documents.loadDocument('board-hit')
      const viaPort = await checkDocumentStore(storage.documents)
      expect(viaPort.filter(isDamaged).map((check) => check.name)).toEqual(['board-hit'])
    } finally {
      await storage.close()
    }
    const [hit] = await checkEmbeddedDocuments(docs())
    expect(hit).toMatchObject({ logDamage: [], unrestorable: { pendingChanges: 15 } })
    expect(hit?.asideCopies).toEqual([expect.stringMatching(/^board-hit\.log\.corrupt-/)])
  })

  it('runs as a command: prints the report and exits 1 when a board is damaged, 0 when all are whole', async () => {
    const run = (dataDir: string) =>
      spawnSync(process.execPath, [SCRIPT, '--data-dir', dataDir], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      })
    const damaged = run(dir)
    expect(damaged.status).toBe(1)
    expect(damaged.stdout).toContain('DAMAGED board-hit: 15 stored changes cannot be applied')
    await rm(join(docs(), 'board-hit.log'))
    const whole = run(dir)
    expect(whole.status).toBe(0)
    expect(whole.stdout).toContain('Checked 1 board in the embedded store at')
    expect(whole.stdout).toContain('every one is whole.')
    const missing = run(join(dir, 'nowhere'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('There is no embedded store')
  })
})
