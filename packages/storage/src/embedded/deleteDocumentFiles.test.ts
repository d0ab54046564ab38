import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openEmbeddedStorage } from './openEmbeddedStorage.ts'

let dir: string | undefined
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

it('deletes a document with the copies the store keeps beside it, and no other document’s files', async () => {
  dir = await mkdtemp(join(tmpdir(), 'co-assess-delete-'))
  const storage = await openEmbeddedStorage({ dir })
  const doc = new Y.Doc()
  doc.getMap('ticks').set('a', 1)
  for (const name of ['abcd', 'abcd.blind.pers', 'abcde'])
    await storage.documents.appendUpdate(name, Y.encodeStateAsUpdate(doc))
  const docs = join(dir, 'docs')
  // What a damaged log's recovery and an interrupted snapshot leave behind.
  await writeFile(join(docs, 'abcd.log.corrupt-2025-01-01T10-00-00.000Z'), 'old bytes')
  await writeFile(join(docs, 'abcd.snap.tmp'), 'half written')
  await storage.documents.deleteDocument('abcd')
  expect((await readdir(docs)).sort()).toEqual(['abcd.blind.pers.log', 'abcde.log'])
  await storage.close()
})
