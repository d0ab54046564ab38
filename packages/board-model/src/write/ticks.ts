import type * as Y from 'yjs'
import { localOrigin } from '../origins.ts'
import { tickKey } from '../records/tick.ts'
import { ticksMap } from '../roots.ts'

/** Records whether this person believes the item is in place. Writes only the person's own key. */
export function setTick(
  doc: Y.Doc,
  personId: string,
  itemId: string,
  ticked: boolean,
  now = Date.now(),
): void {
  doc.transact(() => {
    ticksMap(doc).set(tickKey(personId, itemId), { ticked, at: now })
  }, localOrigin(personId))
}
