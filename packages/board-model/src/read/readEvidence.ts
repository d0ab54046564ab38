import type * as Y from 'yjs'
import { type Evidence, type EvidenceMark, evidenceMarkKey, type PreviousArea } from '../records/evidence.ts'
import { evidenceMap, evidenceMarksMap, previousMap } from '../roots.ts'

/** Current evidence first, then carried evidence still to confirm, then retired; oldest first within each. */
const STATUS_ORDER: Record<Evidence['status'], number> = { current: 0, 'to-confirm': 1, retired: 2 }

/** The board's evidence, in the order every view and output lists it. */
export function readEvidence(doc: Y.Doc): Evidence[] {
  return [...evidenceMap(doc).values()].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.createdAt - b.createdAt ||
      a.id.localeCompare(b.id),
  )
}

/** Peer reviewers' marks: evidenceId → reviewerId → mark. */
export function readEvidenceMarks(doc: Y.Doc): Map<string, Map<string, EvidenceMark>> {
  const byEvidence = new Map<string, Map<string, EvidenceMark>>()
  for (const [key, mark] of evidenceMarksMap(doc).entries()) {
    const owned = evidenceMarkKey.decode(key)
    if (!owned) continue
    const marks = byEvidence.get(owned.rest) ?? new Map<string, EvidenceMark>()
    marks.set(owned.personId, mark)
    byEvidence.set(owned.rest, marks)
  }
  return byEvidence
}

/** What the previous assessment had for each area (empty on a first assessment). */
export const readPrevious = (doc: Y.Doc): Map<string, PreviousArea> => new Map(previousMap(doc).entries())
