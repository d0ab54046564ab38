import * as Y from 'yjs'
import { findStruct } from '../findStruct.ts'
import { areaOfNoteRoot } from '../roots.ts'

/** What a device's copy holds that the server's does not, sorted by where it lands. */
export interface UnsavedWork {
  /**
   * The evidence-note edits alone, as an update to apply to a fresh copy of the server's board, or
   * null when there are none. Everything else in the same update is replaced by garbage-collected
   * placeholders of the same length, which keeps each device's clock unbroken (Yjs cannot integrate
   * an update with gaps) and which the server's write guard treats as inert.
   */
  noteEdits: Uint8Array | null
  /** Areas whose evidence notes those edits touch. */
  noteAreas: string[]
  /** Map entries changed on the device but not on the server, by root (ticks included). */
  entries: Map<string, Set<string>>
}

interface Location {
  root: string
  key: string | null
}

/** Where an item already integrated into a document sits: its root, and its key if a map entry. */
function locateIntegrated(item: Y.Item): Location | null {
  let current = item
  for (;;) {
    const parent = current.parent
    if (!(parent instanceof Y.AbstractType)) return null
    if (parent._item === null) return { root: Y.findRootTypeKey(parent), key: current.parentSub }
    current = parent._item
  }
}

/**
 * Sorts what `local` holds beyond `server` (both copies of the board) into evidence-note edits, which
 * can be carried onto the server's copy as they are and merge with other people's edits as Yjs does,
 * and map entries, which the caller re-applies through the board's named writes or reports as lost.
 * Used after the server refused an update from this device: the refused part must not go up again.
 */
export function unsavedWork(local: Y.Doc, server: Y.Doc): UnsavedWork {
  const diff = Y.encodeStateAsUpdate(local, Y.encodeStateVector(server))
  const { structs, ds } = Y.decodeUpdate(diff)
  const store = server.store
  const byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>()
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)

  const memo = new Map<Y.Item, Location | null>()
  const resolveId = (id: Y.ID): Location | null => {
    if (id.clock < Y.getState(store, id.client)) {
      const struct = Y.getItem(store, id) as Y.Item | Y.GC
      return struct instanceof Y.Item ? locateIntegrated(struct) : null
    }
    const fresh = findStruct(byClient.get(id.client) ?? [], id.clock)
    return fresh instanceof Y.Item ? resolve(fresh) : null
  }
  const resolve = (item: Y.Item): Location | null => {
    if (memo.has(item)) return memo.get(item)!
    memo.set(item, null)
    const parent = item.parent as unknown
    let result: Location | null = null
    if (typeof parent === 'string') result = { root: parent, key: item.parentSub }
    else if (parent instanceof Y.ID) {
      const above = resolveId(parent)
      result = above ? { root: above.root, key: above.key } : null
    } else if (item.origin) result = resolveId(item.origin)
    else if (item.rightOrigin) result = resolveId(item.rightOrigin)
    memo.set(item, result)
    return result
  }
  const noteArea = (location: Location | null): string | null =>
    location ? areaOfNoteRoot(location.root) : null

  const noteAreas = new Set<string>()
  const entries = new Map<string, Set<string>>()
  const kept = new Set<Y.Item>()
  /** Records where a change lands; true when it is a note edit to carry. */
  const sort = (location: Location | null): boolean => {
    const area = noteArea(location)
    if (area !== null) {
      noteAreas.add(area)
      return true
    }
    if (location?.key != null) {
      const keys = entries.get(location.root) ?? new Set()
      keys.add(location.key)
      entries.set(location.root, keys)
    }
    return false
  }
  for (const struct of structs) {
    if (struct instanceof Y.Item && sort(resolve(struct))) kept.add(struct)
  }

  // Deletions are kept only where they remove note content, on the server or in this same update.
  const deletions = new Map<number, Array<{ clock: number; len: number }>>()
  const keepDeletion = (client: number, clock: number, len: number) => {
    const list = deletions.get(client) ?? []
    const last = list[list.length - 1]
    if (last && last.clock + last.len === clock) last.len += len
    else list.push({ clock, len })
    deletions.set(client, list)
  }
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(store, client)
    const serverStructs = store.clients.get(client) ?? []
    const fresh = byClient.get(client) ?? []
    for (const range of ranges) {
      let clock = range.clock
      const end = range.clock + range.len
      while (clock < end) {
        const struct =
          clock < known ? serverStructs[Y.findIndexSS(serverStructs, clock)] : findStruct(fresh, clock)
        if (!struct) break
        const stop = Math.min(end, struct.id.clock + struct.length)
        const note =
          struct instanceof Y.Item && (clock < known ? sort(locateIntegrated(struct)) : kept.has(struct))
        if (note) keepDeletion(client, clock, stop - clock)
        clock = stop
      }
    }
  }

  if (kept.size === 0 && deletions.size === 0) return { noteEdits: null, noteAreas: [], entries }

  const encoder = new Y.UpdateEncoderV1()
  encoder.writeLen(byClient.size)
  for (const [client, list] of byClient) {
    encoder.writeLen(list.length)
    encoder.writeClient(client)
    encoder.writeLen(list[0]!.id.clock)
    for (const struct of list) {
      if (struct instanceof Y.Item && !kept.has(struct)) new Y.GC(struct.id, struct.length).write(encoder, 0)
      else struct.write(encoder, 0)
    }
  }
  encoder.writeLen(deletions.size)
  for (const [client, ranges] of deletions) {
    encoder.resetDsCurVal()
    encoder.writeLen(client)
    encoder.writeLen(ranges.length)
    for (const range of ranges) {
      encoder.writeDsClock(range.clock)
      encoder.writeDsLen(range.len)
    }
  }
  return { noteEdits: encoder.toUint8Array(), noteAreas: [...noteAreas].sort(), entries }
}
