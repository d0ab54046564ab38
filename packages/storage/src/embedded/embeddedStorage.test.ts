import { appendFile, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { describeStorageContract } from '../../test/storageContract.ts'
import type { Storage } from '../storagePort.ts'
import { StorageUnavailableError } from '../storageUnavailableError.ts'
import { encodeFrame } from './logFrame.ts'
import { openEmbeddedStorage } from './openEmbeddedStorage.ts'

const freshDir = () => mkdtemp(join(tmpdir(), 'co-assess-storage-'))

let contractDir = await freshDir()
describeStorageContract(
  'embedded',
  () => openEmbeddedStorage({ dir: contractDir }),
  async () => {
    await rm(contractDir, { recursive: true, force: true })
    contractDir = await freshDir()
  },
)

interface Warning {
  obj: Record<string, unknown>
  msg: string
}

/** Three updates from three different people, so losing one leaves the others' edits meaningful. */
function threeEdits(): { updates: Uint8Array[]; docs: Y.Doc[] } {
  const docs = ['Priya', 'Sam', 'Ade'].map((name) => {
    const doc = new Y.Doc()
    doc.getMap('ticks').set(name, `${name} ticked 1a/emerging/1`)
    return doc
  })
  return { updates: docs.map((doc) => Y.encodeStateAsUpdate(doc)), docs }
}

function ticksOf(update: Uint8Array | null): unknown {
  const doc = new Y.Doc()
  if (update) Y.applyUpdate(doc, update)
  return doc.getMap('ticks').toJSON()
}

describe('embedded storage: files on disk', () => {
  let dir: string
  let storage: Storage
  let warnings: Warning[]
  const logPath = () => join(dir, 'docs', 'asmt-1.log')
  const openStore = async () => {
    storage = await openEmbeddedStorage({
      dir,
      logger: { warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg }) },
    })
    return storage
  }
  const reopen = async () => {
    await storage.close()
    return openStore()
  }

  beforeEach(async () => {
    dir = await freshDir()
    warnings = []
    await openStore()
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    await storage.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('writes one frame per update: length, CRC32, payload', async () => {
    const [update] = threeEdits().updates
    await storage.documents.appendUpdate('asmt-1', update!)
    expect(await readFile(logPath())).toEqual(encodeFrame(update!))
  })

  it('cuts a torn half-frame off the end of the log, keeping every update before it', async () => {
    const { updates } = threeEdits()
    for (const update of updates.slice(0, 2)) await storage.documents.appendUpdate('asmt-1', update)
    const goodLength = (await stat(logPath())).size
    await storage.close()
    await appendFile(logPath(), encodeFrame(updates[2]!).subarray(0, 11))

    await openStore()
    expect(ticksOf(await storage.documents.loadDocument('asmt-1'))).toEqual({
      Priya: 'Priya ticked 1a/emerging/1',
      Sam: 'Sam ticked 1a/emerging/1',
    })
    expect((await stat(logPath())).size).toBe(goodLength)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.msg).toMatch(/unfinished write/)
    expect(warnings[0]?.obj).toMatchObject({ documentName: 'asmt-1', keptUpdates: 2, cutBytes: 11 })

    await storage.documents.appendUpdate('asmt-1', updates[2]!)
    await reopen()
    expect(Object.keys(ticksOf(await storage.documents.loadDocument('asmt-1')) as object)).toHaveLength(3)
    expect(warnings).toHaveLength(1)
  })

  it('cuts garbage or zeros at the end of the log', async () => {
    const { updates } = threeEdits()
    await storage.documents.appendUpdate('asmt-1', updates[0]!)
    await storage.close()
    await appendFile(logPath(), Buffer.concat([Buffer.from('not a frame at all'), Buffer.alloc(4096)]))
    await openStore()
    expect(ticksOf(await storage.documents.loadDocument('asmt-1'))).toEqual({
      Priya: 'Priya ticked 1a/emerging/1',
    })
    expect((await stat(logPath())).size).toBe(encodeFrame(updates[0]!).length)
    expect(warnings.map((w) => w.msg)).toEqual([expect.stringMatching(/unfinished write/)])
  })

  it('keeps the original aside and every intact update when a frame in the middle is damaged', async () => {
    const { updates } = threeEdits()
    for (const update of updates) await storage.documents.appendUpdate('asmt-1', update)
    await storage.close()
    const original = await readFile(logPath())
    const damaged = Buffer.from(original)
    const middle = encodeFrame(updates[0]!).length + 8 + 3
    damaged[middle] = (damaged[middle] ?? 0) ^ 0xff
    await writeFile(logPath(), damaged)

    await openStore()
    expect(ticksOf(await storage.documents.loadDocument('asmt-1'))).toEqual({
      Priya: 'Priya ticked 1a/emerging/1',
      Ade: 'Ade ticked 1a/emerging/1',
    })
    const aside = (await readdir(join(dir, 'docs'))).filter((name) => name.startsWith('asmt-1.log.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, 'docs', aside[0]!))).toEqual(damaged)
    expect(await readFile(logPath())).toEqual(
      Buffer.concat([encodeFrame(updates[0]!), encodeFrame(updates[2]!)]),
    )
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.msg).toMatch(/DOCUMENT LOG DAMAGED/)
    expect(warnings[0]?.obj).toMatchObject({ keptUpdates: 2, originalCopiedTo: join(dir, 'docs', aside[0]!) })
    // Three people's independent edits: losing one costs the board nothing else, and it says so.
    expect(warnings[0]?.msg).toMatch(/Nothing else on the board depended on the damaged part/)
    expect(await storage.documents.listDocuments()).toEqual(['asmt-1'])

    await storage.documents.appendUpdate('asmt-1', updates[1]!)
    await reopen()
    expect(Object.keys(ticksOf(await storage.documents.loadDocument('asmt-1')) as object)).toHaveLength(3)
    expect(warnings).toHaveLength(1)
  })

  it("says exactly what a damaged frame costs when the same writer's later changes build on it", async () => {
    const doc = new Y.Doc()
    doc.clientID = 4242
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 1; i <= 20; i++) doc.getMap('ticks').set(`1a/emerging/${i}`, true)
    for (const update of updates) await storage.documents.appendUpdate('asmt-1', update)
    await storage.close()
    const damaged = await readFile(logPath())
    const fifth = updates.slice(0, 4).reduce((sum, update) => sum + encodeFrame(update).length, 0)
    damaged[fifth + 8 + 2] = (damaged[fifth + 8 + 2] ?? 0) ^ 0xff
    await writeFile(logPath(), damaged)

    await openStore()
    await storage.documents.loadDocument('asmt-1')
    // One frame lost; the fifteen ticks after it, from the same writer, wait on it for good.
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.obj).toMatchObject({
      keptUpdates: 19,
      unrestorable: {
        pendingChanges: 15,
        missing: [{ client: 4242, fromClock: 4 }],
        pendingDeletions: false,
      },
    })
    expect(warnings[0]?.msg).toContain(
      'Not restored: 15 stored changes cannot be applied because earlier changes they build on are missing (writer 4242 from change 4).',
    )
    expect(warnings[0]?.msg).not.toMatch(/every intact update kept/)
  })

  it('also finds intact frames after a damaged length field', async () => {
    const { updates } = threeEdits()
    for (const update of updates) await storage.documents.appendUpdate('asmt-1', update)
    await storage.close()
    const damaged = await readFile(logPath())
    damaged.writeUInt32BE(0xfffffff0, encodeFrame(updates[0]!).length)
    await writeFile(logPath(), damaged)
    await openStore()
    expect(Object.keys(ticksOf(await storage.documents.loadDocument('asmt-1')) as object).sort()).toEqual([
      'Ade',
      'Priya',
    ])
    expect(warnings[0]?.msg).toMatch(/DOCUMENT LOG DAMAGED/)
  })

  it('loads correctly after a crash between writing the snapshot and truncating the log', async () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getText('notes').insert(0, 'Evening sessions at the mosque')
    doc.getText('notes').delete(0, 8)
    doc.getMap('ticks').set('2b/developing/3', true)
    for (const update of updates) await storage.documents.appendUpdate('asmt-1', update)
    await storage.close()
    // What compact leaves if the process dies right after the rename: the new snapshot and the full log.
    await writeFile(join(dir, 'docs', 'asmt-1.snap'), encodeFrame(Y.encodeStateAsUpdate(doc)))

    await openStore()
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, (await storage.documents.loadDocument('asmt-1'))!)
    expect(loaded.getText('notes').toString()).toBe('sessions at the mosque')
    expect(Y.equalSnapshots(Y.snapshot(loaded), Y.snapshot(doc))).toBe(true)
    await storage.documents.compact('asmt-1', Y.encodeStateAsUpdate(loaded))
    expect((await stat(logPath())).size).toBe(0)
    expect(warnings).toEqual([])
  })

  it('refuses to load a damaged snapshot rather than serve a document without it', async () => {
    await storage.documents.compact('asmt-1', threeEdits().updates[0]!)
    await storage.close()
    const snapPath = join(dir, 'docs', 'asmt-1.snap')
    const snap = await readFile(snapPath)
    snap[snap.length - 1] = (snap[snap.length - 1] ?? 0) ^ 1
    await writeFile(snapPath, snap)
    await openStore()
    await expect(storage.documents.loadDocument('asmt-1')).rejects.toThrow(/snapshot .* is damaged/)
  })

  it('creates no file outside the docs directory for a hostile name', async () => {
    const update = threeEdits().updates[0]!
    await expect(storage.documents.appendUpdate('../../escaped', update)).rejects.toThrow(
      /Refusing document name/,
    )
    await expect(storage.documents.compact('..', update)).rejects.toThrow(/Refusing document name/)
    expect((await readdir(dir)).sort()).toEqual(['LOCK', 'docs'])
    expect(await readdir(join(dir, 'docs'))).toEqual([])
  })

  it('writes 1000 concurrent appends with a handful of fsyncs (group commit)', async () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 1000; i++) doc.getMap('ticks').set(`item-${i}`, i)
    const probe = await open(join(dir, 'probe'), 'w')
    const fileHandle = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> }
    await probe.close()
    const datasync = vi.spyOn(fileHandle, 'datasync')
    await Promise.all(updates.map((update) => storage.documents.appendUpdate('asmt-1', update)))
    expect(datasync.mock.calls.length).toBeGreaterThan(0)
    expect(datasync.mock.calls.length).toBeLessThan(10)
    expect(await storage.documents.logLength('asmt-1')).toBe(1000)
  })

  it('cuts a failed, half-written batch back out of the log and carries on', async () => {
    const { updates } = threeEdits()
    await storage.documents.appendUpdate('asmt-1', updates[0]!)
    const before = (await stat(logPath())).size
    const probe = await open(join(dir, 'probe'), 'w')
    const fileHandle = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> }
    await probe.close()
    const realWrite = fileHandle.write
    vi.spyOn(fileHandle, 'write').mockImplementationOnce(async function (this: unknown, bytes: unknown) {
      const half = (bytes as Buffer).subarray(0, 5)
      await realWrite.call(this, half, 0, half.length, null)
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    })
    await expect(storage.documents.appendUpdate('asmt-1', updates[1]!)).rejects.toBeInstanceOf(
      StorageUnavailableError,
    )
    expect((await stat(logPath())).size).toBe(before)
    await storage.documents.appendUpdate('asmt-1', updates[2]!)
    await reopen()
    expect(Object.keys(ticksOf(await storage.documents.loadDocument('asmt-1')) as object).sort()).toEqual([
      'Ade',
      'Priya',
    ])
    expect(warnings).toEqual([])
  })

  it('refuses to open a data directory another process holds, and takes over a dead one', async () => {
    await expect(openEmbeddedStorage({ dir })).rejects.toBeInstanceOf(StorageUnavailableError)
    await storage.close()
    const { hostname } = await import('node:os')
    await writeFile(join(dir, 'LOCK'), JSON.stringify({ pid: process.ppid, host: hostname() }))
    await expect(openEmbeddedStorage({ dir })).rejects.toThrow(/in use by another process/)
    await writeFile(join(dir, 'LOCK'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }))
    await openStore()
    expect(JSON.parse(await readFile(join(dir, 'LOCK'), 'utf8'))).toMatchObject({ pid: process.pid })
  })

  it('will not start over a damaged metadata file', async () => {
    await storage.metadata.setSetting('k', 'v')
    await storage.close()
    await writeFile(join(dir, 'metadata.json'), '{"version": 1, "assess')
    await expect(openEmbeddedStorage({ dir })).rejects.toThrow(/metadata.json is not valid JSON/)
    await rm(join(dir, 'metadata.json'))
    await openStore()
  })
})
