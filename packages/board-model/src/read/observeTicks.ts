import type * as Y from 'yjs'
import type { ItemId, PersonId } from '../ids.ts'
import { type Tick, tickKey } from '../records/tick.ts'
import { ticksMap } from '../roots.ts'

export interface TickChange {
  personId: PersonId
  itemId: ItemId
  /** The tick as it is now; undefined once deleted. */
  tick: Tick | undefined
}

/**
 * Calls `onChange` with the ticks each transaction changed (keys decoded; a key that names no
 * person's item is skipped) and the transaction's origin, for transactions whose origin `accepts`
 * (news from the server, say): the rest, such as a finished board's first sync with its thousands of
 * ticks, are not decoded at all. Returns the function that stops watching.
 */
export function observeTicks(
  doc: Y.Doc,
  onChange: (changes: TickChange[], origin: unknown) => void,
  accepts: (origin: unknown) => boolean = () => true,
): () => void {
  const ticks = ticksMap(doc)
  const observer = (event: Y.YMapEvent<Tick>) => {
    if (!accepts(event.transaction.origin)) return
    const changes: TickChange[] = []
    for (const key of event.keysChanged) {
      const owned = tickKey.decode(key)
      if (owned) changes.push({ personId: owned.personId, itemId: owned.rest, tick: ticks.get(key) })
    }
    onChange(changes, event.transaction.origin)
  }
  ticks.observe(observer)
  return () => ticks.unobserve(observer)
}
