import * as Y from 'yjs'

/** What a stored document holds but cannot show: changes whose foundations are missing. */
export interface Unrestorable {
  /** Stored changes (Yjs structs) that cannot be applied because something they build on is missing. */
  pendingChanges: number
  /** For each writer (Yjs client id), the first clock that is missing and that later changes need. */
  missing: Array<{ client: number; fromClock: number }>
  /** Whether some stored deletions name changes that are missing. */
  pendingDeletions: boolean
}

/**
 * What in a stored document's state cannot be restored, or null when it is whole. Yjs keeps an
 * update whose dependencies are missing as pending instead of failing, so a log with a damaged frame
 * in the middle still loads, but a writer's later changes wait for good on the lost one: a file can
 * be "every intact frame kept" while the board is missing far more than that frame.
 */
export function findUnrestorable(state: Uint8Array | null): Unrestorable | null {
  if (!state) return null
  const doc = new Y.Doc({ gc: true })
  try {
    Y.applyUpdate(doc, state)
    const { pendingStructs, pendingDs } = doc.store
    if (!pendingStructs && !pendingDs) return null
    return {
      pendingChanges: pendingStructs ? countChanges(pendingStructs.update) : 0,
      missing: pendingStructs
        ? [...pendingStructs.missing]
            .map(([client, fromClock]) => ({ client, fromClock }))
            .sort((a, b) => a.client - b.client)
        : [],
      pendingDeletions: pendingDs !== null,
    }
  } finally {
    doc.destroy()
  }
}

/** Yjs keeps pending structs as a v2 update; Skip structs only mark gaps and are not changes. */
function countChanges(pendingUpdate: Uint8Array): number {
  return Y.decodeUpdateV2(pendingUpdate).structs.filter((struct) => !(struct instanceof Y.Skip)).length
}

/** One sentence for a log line or a report: how much cannot be restored and what it waits for. */
export function describeUnrestorable(found: Unrestorable): string {
  const parts: string[] = []
  if (found.pendingChanges > 0) {
    const from = found.missing.map(({ client, fromClock }) => `writer ${client} from change ${fromClock}`)
    parts.push(
      `${found.pendingChanges} stored ${found.pendingChanges === 1 ? 'change' : 'changes'} cannot be applied because earlier changes they build on are missing (${from.join('; ')})`,
    )
  }
  if (found.pendingDeletions) parts.push('some stored deletions refer to changes that are missing')
  return parts.join('; and ')
}
