import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { describeUnrestorable, findUnrestorable } from './unrestorable.ts'

/** One writer's updates, one per change, as a log holds them. */
function writerUpdates(clientID: number, changes: number): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = clientID
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < changes; i++) doc.getMap('ticks').set(`key-${i}`, true)
  return updates
}

function stateOf(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return Y.encodeStateAsUpdate(doc)
}

describe('findUnrestorable', () => {
  it('finds nothing in a whole document, or none at all', () => {
    expect(findUnrestorable(stateOf(writerUpdates(7, 5)))).toBeNull()
    expect(findUnrestorable(null)).toBeNull()
  })

  it('counts the changes that wait on a lost one, and names whose and from where', () => {
    const updates = writerUpdates(7, 20)
    const other = writerUpdates(9, 3)
    // The fifth update is lost (a damaged frame): the fifteen after it, same writer, cannot apply.
    const kept = [...updates.slice(0, 4), ...updates.slice(5), ...other]
    const found = findUnrestorable(stateOf(kept))
    expect(found).toEqual({
      pendingChanges: 15,
      missing: [{ client: 7, fromClock: 4 }],
      pendingDeletions: false,
    })
    expect(describeUnrestorable(found!)).toBe(
      '15 stored changes cannot be applied because earlier changes they build on are missing (writer 7 from change 4)',
    )
  })
})
