import {
  type Evidence,
  type EvidenceMark,
  keepList,
  keepMap,
  type PreviousArea,
  readEvidence,
  readEvidenceMarks,
  readPrevious,
  sameEntries,
} from '@co-assess/board-model'
import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { type DocStore, storeOf } from '../board/docStore.ts'

export interface EvidenceView {
  evidence: Evidence[]
  /** evidenceId → reviewerId → mark */
  marks: Map<string, Map<string, EvidenceMark>>
  /** What the previous assessment found, per area (empty on a first assessment). */
  previous: Map<string, PreviousArea>
}

/** Reads the evidence, keeping what did not change as the same objects so unchanged cards do not render again. */
export function readEvidenceView(doc: Y.Doc, before: EvidenceView | null): EvidenceView {
  const read: EvidenceView = {
    evidence: readEvidence(doc),
    marks: readEvidenceMarks(doc),
    previous: readPrevious(doc),
  }
  if (!before) return read
  const evidence = keepList(before.evidence, read.evidence)
  const marks = keepMap(before.marks, read.marks, (a, b) => sameEntries(a, b))
  const previous = keepMap(before.previous, read.previous)
  if (evidence === before.evidence && marks === before.marks && previous === before.previous) return before
  return { evidence, marks, previous }
}

const stores = new WeakMap<Y.Doc, DocStore<EvidenceView>>()

/** The board's evidence records, peer marks and previous findings as plain values. */
export function useEvidence(doc: Y.Doc): EvidenceView {
  const store = storeOf(stores, doc, readEvidenceView)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
