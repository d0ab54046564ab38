import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { localOrigin } from '../origins.ts'
import type { Evidence, EvidenceMark, EvidenceStatus } from '../records/evidence.ts'
import { evidenceMarkKey } from '../records/evidence.ts'
import { evidenceMap, evidenceMarksMap } from '../roots.ts'
import type { AgreedLevel } from '../values.ts'

/** What the person adding or editing evidence writes; the rest is the board's to set. */
export type EvidenceDraft = Pick<
  Evidence,
  'kind' | 'title' | 'link' | 'description' | 'date' | 'areaId' | 'itemIds' | 'shareable'
>

function current(doc: Y.Doc, evidenceId: string): Evidence {
  const evidence = evidenceMap(doc).get(evidenceId)
  if (!evidence) throw new Error('That evidence is no longer on the board.')
  return evidence
}

/** A participant or chair adds evidence in their own name; it starts current and not yet accepted. */
export function addEvidence(doc: Y.Doc, personId: string, draft: EvidenceDraft, now = Date.now()): string {
  const id = nanoid()
  const evidence: Evidence = {
    id,
    ...draft,
    addedBy: personId,
    status: 'current',
    acceptedFor: null,
    carriedFrom: null,
    createdAt: now,
    updatedAt: now,
  }
  doc.transact(() => evidenceMap(doc).set(id, evidence), localOrigin(personId))
  return id
}

/** Its author changes what the evidence says; the server refuses anyone else. */
export function editEvidence(
  doc: Y.Doc,
  personId: string,
  evidenceId: string,
  patch: Partial<EvidenceDraft>,
  now = Date.now(),
): void {
  const evidence = current(doc, evidenceId)
  doc.transact(
    () => evidenceMap(doc).set(evidenceId, { ...evidence, ...patch, updatedAt: now }),
    localOrigin(personId),
  )
}

/** Its author takes back evidence nobody has relied on yet: not accepted, not carried from before. */
export function removeEvidence(doc: Y.Doc, personId: string, evidenceId: string): void {
  doc.transact(() => evidenceMap(doc).delete(evidenceId), localOrigin(personId))
}

/** The chair marks evidence as accepted for the level agreed on it, or (null) takes the mark off. */
export function acceptEvidence(
  doc: Y.Doc,
  chairId: string,
  evidenceId: string,
  level: AgreedLevel['level'] | null,
  now = Date.now(),
): void {
  const evidence = current(doc, evidenceId)
  const acceptedFor = level === null ? null : { level, by: chairId, at: now }
  doc.transact(
    () => evidenceMap(doc).set(evidenceId, { ...evidence, acceptedFor, updatedAt: now }),
    localOrigin(chairId),
  )
}

/**
 * The chair confirms evidence carried from before (current), retires evidence that no longer holds,
 * or brings retired evidence back. Retired evidence stays on the board, read as history.
 */
export function setEvidenceStatus(
  doc: Y.Doc,
  chairId: string,
  evidenceId: string,
  status: EvidenceStatus,
  now = Date.now(),
): void {
  const evidence = current(doc, evidenceId)
  // Retired evidence cannot hold up a level, so retiring it takes off its acceptance too.
  const acceptedFor = status === 'retired' ? null : evidence.acceptedFor
  doc.transact(
    () => evidenceMap(doc).set(evidenceId, { ...evidence, status, acceptedFor, updatedAt: now }),
    localOrigin(chairId),
  )
}

/** A peer reviewer's own mark on a piece of evidence: would they want to see it, and why. */
export function markEvidence(
  doc: Y.Doc,
  reviewerId: string,
  evidenceId: string,
  input: Pick<EvidenceMark, 'wantToSee' | 'comment'>,
  now = Date.now(),
): void {
  doc.transact(
    () => evidenceMarksMap(doc).set(evidenceMarkKey(reviewerId, evidenceId), { ...input, at: now }),
    localOrigin(reviewerId),
  )
}

export function clearEvidenceMark(doc: Y.Doc, reviewerId: string, evidenceId: string): void {
  doc.transact(
    () => evidenceMarksMap(doc).delete(evidenceMarkKey(reviewerId, evidenceId)),
    localOrigin(reviewerId),
  )
}
