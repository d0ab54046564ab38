import * as Y from 'yjs'
import { findStruct } from '../findStruct.ts'

/**
 * Where one change in an incoming update lands, read from the encoded update and the server's copy of
 * the document, before anything is applied. `key` is the top-level key of a map root (null for a
 * fragment's children); `depth` is 0 for a direct child of the root.
 */
export type UpdateChange =
  | { op: 'insert'; root: string; key: string | null; depth: number; content: Y.Item['content'] }
  | { op: 'delete'; root: string; key: string | null; depth: number; content: Y.Item['content'] }
  /** Lands in a part of the document that was already removed: Yjs integrates it as garbage. */
  | { op: 'inert' }
  | { op: 'unresolvable'; reason: string }

interface Location {
  root: string
  key: string | null
  depth: number
}
type Resolved = Location | 'inert' | null

/** Location of an item already in the server's document, by walking up to its root type. */
function locateDocItem(item: Y.Item): Location | 'inert' {
  let depth = 0
  let current: Y.Item = item
  for (;;) {
    const parent = current.parent
    if (!(parent instanceof Y.AbstractType)) return 'inert'
    const parentItem = parent._item
    if (parentItem === null) {
      return { root: Y.findRootTypeKey(parent), key: current.parentSub, depth }
    }
    current = parentItem
    depth++
  }
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** Every change the update makes, located; the update must already be known to apply completely. */
export function locateUpdate(doc: Y.Doc, { structs, ds }: DecodedUpdate): UpdateChange[] {
  const store = doc.store
  const newByClient = new Map<number, Y.Item[]>()
  const fresh: Y.Item[] = []
  let inertGc = false
  for (const struct of structs) {
    const known = Y.getState(store, struct.id.client)
    if (struct.id.clock + struct.length <= known) continue // the server has it already
    if (!(struct instanceof Y.Item)) {
      // GC and Skip structs carry no content; a GC range is a client's own deleted, collected edit.
      inertGc = true
      continue
    }
    if (struct.id.clock < known) {
      return [{ op: 'unresolvable', reason: 'an update overlaps content the server already has' }]
    }
    fresh.push(struct)
    const list = newByClient.get(struct.id.client) ?? []
    list.push(struct)
    newByClient.set(struct.id.client, list)
  }
  for (const list of newByClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)

  const memo = new Map<Y.Item, Resolved>()

  const resolveId = (id: Y.ID): Resolved => {
    if (id.clock < Y.getState(store, id.client)) {
      const struct = Y.getItem(store, id) as Y.Item | Y.GC
      return struct instanceof Y.Item ? locateDocItem(struct) : 'inert'
    }
    const local = findStruct(newByClient.get(id.client) ?? [], id.clock)
    return local ? resolveFresh(local) : null
  }

  const resolveFresh = (item: Y.Item): Resolved => {
    const cached = memo.get(item)
    if (cached !== undefined) return cached
    memo.set(item, null) // breaks reference cycles in a malformed update
    let result: Resolved = null
    const parent = item.parent as unknown
    if (typeof parent === 'string') {
      result = { root: parent, key: item.parentSub, depth: 0 }
    } else if (parent instanceof Y.ID) {
      const parentLocation = resolveId(parent)
      result =
        parentLocation === null || parentLocation === 'inert'
          ? parentLocation
          : { root: parentLocation.root, key: parentLocation.key, depth: parentLocation.depth + 1 }
    } else if (item.origin) {
      result = resolveId(item.origin)
    } else if (item.rightOrigin) {
      result = resolveId(item.rightOrigin)
    }
    memo.set(item, result)
    return result
  }

  const changes: UpdateChange[] = []
  if (inertGc) changes.push({ op: 'inert' })
  for (const item of fresh) {
    const location = resolveFresh(item)
    if (location === null) {
      changes.push({ op: 'unresolvable', reason: 'an update refers to content the server does not have' })
    } else if (location === 'inert') {
      changes.push({ op: 'inert' })
    } else {
      changes.push({ op: 'insert', ...location, content: item.content })
    }
  }

  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(store, client)
    const docStructs = store.clients.get(client) ?? []
    for (const range of ranges) {
      const docEnd = Math.min(range.clock + range.len, known)
      if (range.clock < docEnd) {
        let index = Y.findIndexSS(docStructs, range.clock)
        for (; index < docStructs.length; index++) {
          const struct = docStructs[index]!
          if (struct.id.clock >= docEnd) break
          if (!(struct instanceof Y.Item) || struct.deleted) continue
          const location = locateDocItem(struct)
          changes.push(
            location === 'inert' ? { op: 'inert' } : { op: 'delete', ...location, content: struct.content },
          )
        }
      }
      // Deletions of what this same update adds are judged as its inserts; that the rest of the range
      // exists at all was checked before (updateCompleteness).
    }
  }
  return changes
}

/** The value a map entry holds, or undefined when the content is not a plain JSON value. */
export function mapValueOf(content: Y.Item['content']): { value: unknown } | undefined {
  if (content instanceof Y.ContentAny) {
    const values = content.getContent()
    return { value: values[values.length - 1] }
  }
  return undefined
}
