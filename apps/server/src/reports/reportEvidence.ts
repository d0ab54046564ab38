import {
  type Action,
  type EvidenceKind,
  type EvidenceStatus,
  evidenceKindLabels,
  evidenceStatusLabels,
  horizonLabels,
  type Person,
  plainDate,
  readEvidence,
  readEvidenceMarks,
} from '@co-assess/board-model'
import type * as Y from 'yjs'
import type { Redaction } from './redaction.ts'

// Evidence records and action plans as report data, through the audience's redaction. Kept apart
// from buildReportModel.ts so the evidence rules (what is shared, what is kept back) sit in one place.

export interface ReportEvidence {
  id: string
  kind: EvidenceKind
  kindLabel: string
  title: string
  link: string
  description: string
  date: string | null
  status: EvidenceStatus
  statusLabel: string
  /** The level the chair marked it accepted for, as a label; null when not accepted. */
  acceptedFor: string | null
  addedBy: string
  itemIds: string[]
  /** False only in the chair's copy: everyone else's copy leaves such evidence out. */
  shareable: boolean
  /** Where carried evidence came from, in words; null when added on this board. */
  carriedFrom: string | null
  /** What peer reviewers said they would want to see. */
  marks: Array<{ reviewer: string; wantToSee: boolean; comment: string }>
}

export interface AreaEvidence {
  shown: ReportEvidence[]
  /** Pieces not shared beyond the board, left out of this audience's copy: counted, never described. */
  keptBack: number
}

const NO_EVIDENCE: AreaEvidence = { shown: [], keptBack: 0 }

/**
 * Each area's evidence for one audience. Retired evidence is history, not support for a level, so no
 * output lists it; the public page carries none (its audience sees no board words at all).
 */
export function evidenceByArea(
  doc: Y.Doc,
  redact: Redaction,
  people: ReadonlyMap<string, Person>,
  levelLabel: (id: string) => string,
): (areaId: string) => AreaEvidence {
  const byArea = new Map<string, AreaEvidence>()
  if (!redact.disclosure.boardWords) return () => NO_EVIDENCE
  const marks = readEvidenceMarks(doc)
  for (const e of readEvidence(doc)) {
    if (e.status === 'retired') continue
    const area = byArea.get(e.areaId) ?? { shown: [], keptBack: 0 }
    byArea.set(e.areaId, area)
    if (!e.shareable && !redact.disclosure.unsharedEvidence) {
      area.keptBack++
      continue
    }
    const from = e.carriedFrom
    area.shown.push({
      id: e.id,
      kind: e.kind,
      kindLabel: evidenceKindLabels[e.kind],
      title: redact.text(e.title),
      link: e.link,
      description: redact.text(e.description),
      date: e.date,
      status: e.status,
      statusLabel: evidenceStatusLabels[e.status],
      acceptedFor: e.acceptedFor ? levelLabel(e.acceptedFor.level) : null,
      // Carried evidence was added by someone on the earlier board, who is not on this one.
      addedBy: from ? 'Someone in the previous assessment' : redact.person(people.get(e.addedBy)),
      itemIds: e.itemIds,
      shareable: e.shareable,
      carriedFrom: from
        ? `From "${from.title}" (started ${plainDate(from.startedAt)})${from.acceptedLevel ? `, accepted there for ${levelLabel(from.acceptedLevel)}` : ''}`
        : null,
      marks: [...(marks.get(e.id)?.entries() ?? [])]
        .sort(([, a], [, b]) => a.at - b.at)
        .map(([reviewerId, m]) => ({
          reviewer: redact.person(people.get(reviewerId)),
          wantToSee: m.wantToSee,
          comment: redact.text(m.comment),
        })),
    })
  }
  return (areaId) => byArea.get(areaId) ?? NO_EVIDENCE
}

/** One line per piece of evidence, the same in every renderer. */
export function evidenceLine(e: ReportEvidence): string {
  const parts = [
    `${e.kindLabel}: ${e.title}`,
    e.date ? `dated ${plainDate(e.date)}` : '',
    e.statusLabel === 'Current' ? '' : e.statusLabel.toLowerCase(),
    e.acceptedFor ? `accepted for ${e.acceptedFor}` : '',
    e.shareable ? '' : 'not for sharing beyond the board',
    `added by ${e.addedBy}`,
  ].filter(Boolean)
  return parts.join('; ')
}

/** What peer reviewers said about a piece, one sentence each. */
export function markLines(e: ReportEvidence): string[] {
  return e.marks.map(
    (m) =>
      `${m.reviewer} ${m.wantToSee ? 'would want to see this' : 'has looked at this'}${m.comment ? `: ${m.comment}` : ''}`,
  )
}

export interface ReportPlan {
  /** The level it aims the area at, as a label. */
  targetLevel: string | null
  /** Checklist items it aims to put in place, as "id text". */
  targetItems: string[]
  horizon: string | null
  measure: string
  baseline: string
  reviewDate: string | null
}

export function reportPlan(
  action: Action,
  redact: Redaction,
  levelLabel: (id: string) => string,
  itemText: (id: string) => string,
): ReportPlan | null {
  const plan = action.plan
  if (!plan) return null
  return {
    targetLevel: plan.targetLevel ? levelLabel(plan.targetLevel) : null,
    targetItems: plan.targetItemIds.map((id) => `${id} ${itemText(id)}`),
    horizon: plan.horizon ? horizonLabels[plan.horizon] : null,
    measure: redact.text(plan.measure),
    baseline: redact.text(plan.baseline),
    reviewDate: plan.reviewDate,
  }
}

/** An area's evidence as plain lines (one per piece, then what reviewers said), for Word and Markdown. */
export function areaEvidenceLines(area: { evidence: ReportEvidence[]; evidenceKeptBack: number }): string[] {
  const lines = area.evidence.flatMap((ev) => [
    [evidenceLine(ev), ev.description, ev.link, ev.carriedFrom ?? ''].filter(Boolean).join('. '),
    ...markLines(ev).map((m) => `  ${m}`),
  ])
  if (area.evidenceKeptBack)
    lines.push(
      `${area.evidenceKeptBack === 1 ? '1 piece of evidence is' : `${area.evidenceKeptBack} pieces of evidence are`} kept on the board only, not shared beyond it.`,
    )
  return lines
}
