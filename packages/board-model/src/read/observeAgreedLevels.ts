import type * as Y from 'yjs'
import type { AgreedLevel } from '../records/agreedLevel.ts'
import { agreedMap } from '../roots.ts'

export interface AgreedLevelChange {
  areaId: string
  /** The area's agreed level as it is now; undefined once removed. */
  agreed: AgreedLevel | undefined
}

/**
 * Calls `onChange` with the areas whose agreed level each transaction changed, and the transaction's
 * origin. Returns the function that stops watching.
 */
export function observeAgreedLevels(
  doc: Y.Doc,
  onChange: (changes: AgreedLevelChange[], origin: unknown) => void,
): () => void {
  const agreed = agreedMap(doc)
  const observer = (event: Y.YMapEvent<AgreedLevel>) => {
    const changes = [...event.keysChanged].map((areaId) => ({ areaId, agreed: agreed.get(areaId) }))
    onChange(changes, event.transaction.origin)
  }
  agreed.observe(observer)
  return () => agreed.unobserve(observer)
}
