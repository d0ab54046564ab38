import * as Y from 'yjs'

type Struct = Y.Item | Y.GC | Y.Skip
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/**
 * Why an update would not apply completely to the document now, or null when it would. Yjs parks what
 * it cannot integrate (a gap in a client's clock, an origin or parent it has not seen, a delete of
 * content it does not have) and applies it later, when some other update fills the gap: by then
 * nobody checks it. So the write gate accepts only updates that integrate entirely, at once.
 *
 * This mirrors Yjs's own integration (`integrateStructs`): clients are advanced in turn while the next
 * struct of one starts at or below that client's known clock and every id it refers to is known,
 * until nothing moves. A same-client reference must point below the struct itself.
 */
export function incompleteReason(store: Y.Doc['store'], structs: Struct[], ds: DeleteSet): string | null {
  const byClient = new Map<number, Struct[]>()
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  const state = new Map<number, number>()
  const known = (client: number) => state.get(client) ?? Y.getState(store, client)
  const refersToKnown = (struct: Y.Item): boolean => {
    for (const ref of [
      struct.origin,
      struct.rightOrigin,
      struct.parent instanceof Y.ID ? struct.parent : null,
    ]) {
      if (!ref) continue
      const limit = ref.client === struct.id.client ? struct.id.clock : known(ref.client)
      if (ref.clock >= limit) return false
    }
    return true
  }

  const next = new Map<number, number>([...byClient.keys()].map((client) => [client, 0]))
  let moved = true
  while (moved) {
    moved = false
    for (const [client, list] of byClient) {
      let index = next.get(client)!
      while (index < list.length) {
        const struct = list[index]!
        const clock = known(client)
        const end = struct.id.clock + struct.length
        if (end <= clock) {
          index++ // the document has it already
          continue
        }
        if (struct.id.clock > clock || struct instanceof Y.Skip) break
        if (struct instanceof Y.Item && !refersToKnown(struct)) break
        state.set(client, end)
        index++
        moved = true
      }
      next.set(client, index)
    }
  }
  for (const [client, list] of byClient) {
    const stuck = list[next.get(client)!]
    if (!stuck) continue
    if (stuck instanceof Y.Skip || stuck.id.clock > known(client)) {
      return 'it skips part of the history it builds on (a gap); reload the board and try again'
    }
    return 'it builds on a change the server has not received; reload the board and try again'
  }
  for (const [client, ranges] of ds.clients) {
    const clock = known(client)
    for (const range of ranges) {
      if (range.clock + range.len > clock) {
        return 'it removes something the server has not received; reload the board and try again'
      }
    }
  }
  return null
}
