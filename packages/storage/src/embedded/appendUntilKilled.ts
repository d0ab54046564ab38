// Test helper run as a child process by crashSafety.test.ts: writes to an embedded store as fast as
// it can, from several concurrent writers, compacting now and then like the server does, and prints
// each key once its append has resolved. The test kills it with SIGKILL at a random moment.
//   node appendUntilKilled.ts <dir> <trial>
import * as Y from 'yjs'
import { openEmbeddedStorage } from './openEmbeddedStorage.ts'

const [dir, trial] = process.argv.slice(2)
if (!dir || !trial) throw new Error('usage: appendUntilKilled.ts <dir> <trial>')

const storage = await openEmbeddedStorage({ dir })
const doc = new Y.Doc()
const stored = await storage.documents.loadDocument('crash')
if (stored) Y.applyUpdate(doc, stored)

let appended = 0
const writer = async (w: number) => {
  for (let n = 0; ; n++) {
    const key = `t${trial}.w${w}.${n}`
    const before = Y.encodeStateVector(doc)
    doc.getMap('ticks').set(key, true)
    await storage.documents.appendUpdate('crash', Y.encodeStateAsUpdate(doc, before))
    process.stdout.write(`${key}\n`)
    if (++appended % 150 === 0) await storage.documents.compact('crash', Y.encodeStateAsUpdate(doc))
  }
}
await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)))
