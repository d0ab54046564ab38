import { type RecordedParticipant, readRecordedParticipants, recordedMap } from '@co-assess/board-model'
import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { useBoardContext } from '../BoardContext.tsx'

const EMPTY: ReadonlyMap<string, RecordedParticipant> = new Map()

// One reading per document, renewed only when the recorded people change (rarely: a chair adds one),
// so every mark on the page shares it and a tick elsewhere renders none of them again.
const readings = new WeakMap<Y.Doc, ReadonlyMap<string, RecordedParticipant>>()

function subscribe(doc: Y.Doc, onChange: () => void): () => void {
  const map = recordedMap(doc)
  const changed = () => {
    readings.set(doc, readRecordedParticipants(doc))
    onChange()
  }
  map.observe(changed)
  return () => map.unobserve(changed)
}

function snapshot(doc: Y.Doc): ReadonlyMap<string, RecordedParticipant> {
  let reading = readings.get(doc)
  if (!reading) {
    const read = readRecordedParticipants(doc)
    reading = read.size === 0 ? EMPTY : read
    readings.set(doc, reading)
  }
  return reading
}

/** People on the board who took part on paper or by phone, by person id: how, who entered them, when. */
export function useRecordedParticipants(): ReadonlyMap<string, RecordedParticipant> {
  const { connection } = useBoardContext()
  const doc = connection.doc
  // Kept per document, so a render does not unsubscribe and subscribe again.
  const subscribeToDoc = useCallback((onChange: () => void) => subscribe(doc, onChange), [doc])
  const read = useCallback(() => snapshot(doc), [doc])
  return useSyncExternalStore(subscribeToDoc, read)
}
