import type * as Y from 'yjs'
import { serverOrigin } from '../origins.ts'
import { moderationMap } from '../records/moderation.ts'
import { reviewLogMap } from '../records/peerReviewLog.ts'
import { recordedMap } from '../records/recordedParticipant.ts'
import {
  actionsMap,
  agreedMap,
  commentsMap,
  evidenceMap,
  evidenceMarksMap,
  liveMap,
  metaMap,
  noteFragment,
  peerMap,
  peopleMap,
  previousMap,
  sessionsMap,
  threadsMap,
  ticksMap,
} from '../roots.ts'
import { writeNote } from './noteJson.ts'
import type { BoardSnapshot } from './snapshotSchema.ts'

function fill<T>(map: Y.Map<T>, entries: Record<string, T>): void {
  for (const key of Object.keys(entries).sort()) map.set(key, entries[key]!)
}

/**
 * Writes a validated snapshot into a fresh document, in one transaction, under the new assessment's
 * id. Only called on an empty document: the server creates it and nothing else has written to it yet.
 */
export function importBoard(doc: Y.Doc, data: BoardSnapshot, assessmentId: string): void {
  const { board } = data
  doc.transact(() => {
    const meta = metaMap(doc)
    for (const [key, value] of Object.entries(board.meta)) meta.set(key, value)
    meta.set('assessmentId', assessmentId)
    fill(peopleMap(doc), board.people)
    fill(ticksMap(doc), board.ticks)
    fill(agreedMap(doc), board.agreed)
    fill(commentsMap(doc), board.comments)
    fill(threadsMap(doc), board.threads)
    fill(actionsMap(doc), board.actions)
    fill(peerMap(doc), board.peer)
    fill(sessionsMap(doc), board.sessions)
    fill(liveMap(doc), board.live)
    fill(evidenceMap(doc), board.evidence ?? {})
    fill(evidenceMarksMap(doc), board.evidenceMarks ?? {})
    fill(previousMap(doc), board.previous ?? {})
    fill(moderationMap(doc), board.moderation ?? {})
    fill(reviewLogMap(doc), board.reviewLog ?? {})
    fill(recordedMap(doc), board.recorded ?? {})
    for (const [areaId, nodes] of Object.entries(board.notes)) writeNote(noteFragment(doc, areaId), nodes)
  }, serverOrigin('import'))
}
