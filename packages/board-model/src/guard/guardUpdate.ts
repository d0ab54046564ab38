import * as Y from 'yjs'
import { ROOTS } from '../roots.ts'
import { locateUpdate, mapValueOf } from './locateUpdate.ts'
import { mayWriteFragment, mayWriteMapEntry, type Writer } from './writeRules.ts'

const MAP_ROOTS: ReadonlySet<string> = new Set(Object.values(ROOTS))

export type GuardVerdict = { allowed: true; changes: number } | { allowed: false; reason: string }

/**
 * Decides whether an update from a client may be applied, without applying it: every insert and
 * delete is located in the document and checked against the writer's role. One refused change
 * refuses the whole update, so nothing half-written is stored or broadcast.
 */
export function guardUpdate(doc: Y.Doc, update: Uint8Array, writer: Writer): GuardVerdict {
  let changes: ReturnType<typeof locateUpdate>
  try {
    changes = locateUpdate(doc, update)
  } catch {
    return { allowed: false, reason: 'the update could not be read' }
  }
  if (writer.role === 'observer' && changes.some((c) => c.op !== 'inert')) {
    return { allowed: false, reason: 'an observer can read but not change the board' }
  }
  for (const change of changes) {
    if (change.op === 'inert') continue
    if (change.op === 'unresolvable') return { allowed: false, reason: change.reason }
    const isNote = change.key === null || change.depth > 0
    if (isNote) {
      const reason = mayWriteFragment(writer, change.root)
      if (reason) return { allowed: false, reason }
      continue
    }
    if (change.op === 'insert' && change.content instanceof Y.ContentDeleted) {
      // A dead entry (set and overwritten while offline) removes whatever the key holds now, so it is
      // judged as a delete of the current value; on a fresh key it changes nothing.
      const current = MAP_ROOTS.has(change.root) ? doc.getMap(change.root).get(change.key!) : undefined
      if (current === undefined) continue
      const reason = mayWriteMapEntry(writer, doc, {
        op: 'delete',
        root: change.root,
        key: change.key!,
        value: current,
      })
      if (reason) return { allowed: false, reason }
      continue
    }
    const plain = mapValueOf(change.content)
    if (change.op === 'insert' && !plain) {
      return { allowed: false, reason: `"${change.root}" holds plain records, not nested types or text` }
    }
    const reason = mayWriteMapEntry(writer, doc, {
      op: change.op,
      root: change.root,
      key: change.key!,
      value: plain?.value,
    })
    if (reason) return { allowed: false, reason }
  }
  return { allowed: true, changes: changes.length }
}
