import {
  type BlindProgress,
  blindProgressSchema,
  decodeLiveKey,
  keepMap,
  liveMap,
  type Round,
} from '@co-assess/board-model'
import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { type DocStore, storeOf } from '../docStore.ts'

const stores = new WeakMap<Y.Doc, DocStore<Map<string, BlindProgress>>>()

/** Every area's blind-round count as the server wrote it, the same map while none changed. */
function readAll(doc: Y.Doc, previous: Map<string, BlindProgress> | null): Map<string, BlindProgress> {
  const found = new Map<string, BlindProgress>()
  for (const [key, value] of liveMap(doc).entries()) {
    const setting = decodeLiveKey(key)
    if (setting?.kind !== 'progress') continue
    const parsed = blindProgressSchema.safeParse(value)
    if (parsed.success) found.set(setting.areaId, parsed.data)
  }
  return previous
    ? keepMap(previous, found, (a, b) => a.ticked === b.ticked && a.roundStartedAt === b.roundStartedAt)
    : found
}

/**
 * How many people have ticked in the area's running blind round, as the server counted them from
 * their private documents; null outside a blind round or before the server's first count.
 */
export function useBlindProgress(doc: Y.Doc, areaId: string, round: Round | undefined): number | null {
  const store = storeOf(stores, doc, readAll)
  const all = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const progress = all.get(areaId)
  return round?.mode === 'blind' && progress?.roundStartedAt === round.startedAt ? progress.ticked : null
}
