import type * as Y from 'yjs'
import { localOrigin } from '../origins.ts'
import type { AgreedLevel } from '../records/agreedLevel.ts'
import { type PeerSuggestion, peerKey } from '../records/peerSuggestion.ts'
import { agreedMap, peerMap } from '../roots.ts'

/**
 * The rationale written when the chair chooses, explicitly, to record none: the words every view and
 * report then shows, so "no reason" is a decision on record rather than a field left empty.
 */
export const NO_RATIONALE = 'We agreed without recording a reason.'

/**
 * The chair records the level the group agreed for an area, with its rationale (or NO_RATIONALE) and
 * any dissent. The write rules refuse an empty rationale.
 */
export function recordAgreedLevel(
  doc: Y.Doc,
  chairId: string,
  areaId: string,
  input: Pick<AgreedLevel, 'level' | 'rationale' | 'dissent' | 'sessionId'>,
  now = Date.now(),
): void {
  doc.transact(() => {
    agreedMap(doc).set(areaId, { ...input, recordedBy: chairId, at: now })
  }, localOrigin(chairId))
}

/** A peer reviewer's own suggested level for an area, kept in the peer-review layer. */
export function suggestPeerLevel(
  doc: Y.Doc,
  reviewerId: string,
  areaId: string,
  input: Pick<PeerSuggestion, 'level' | 'reasoning'>,
  now = Date.now(),
): void {
  doc.transact(() => {
    peerMap(doc).set(peerKey(reviewerId, areaId), { ...input, at: now })
  }, localOrigin(reviewerId))
}
