import { plainDate } from '@co-assess/board-model'
import type { ReportAction } from './buildReportModel.ts'
import type { ReportPlan } from './reportEvidence.ts'

/** An action's plan as facts: what it aims at, when, and how the group will know it worked. */
export function planFacts(plan: ReportPlan): Array<[label: string, value: string]> {
  const aims = [plan.targetLevel ? `the level ${plan.targetLevel}` : '', ...plan.targetItems].filter(Boolean)
  return [
    ['Aims at', aims.join('; ') || 'Not named'],
    ['Horizon', plan.horizon ?? 'Not set'],
    ['Measure', plan.measure || 'Not agreed yet'],
    ['Baseline', plan.baseline || 'Not recorded'],
    ['Review date', plan.reviewDate ? plainDate(plan.reviewDate) : 'No date'],
  ]
}

/**
 * An action's facts as label and value, in order. The HTML, Word and Markdown reports all list these,
 * so none of them can leave out how the loop was closed while another shows it.
 */
export function actionFacts(a: ReportAction): Array<[label: string, value: string]> {
  return [
    ['We did', a.weDid || 'Not yet recorded'],
    ['What changed', a.whatChanged || 'Not yet recorded'],
    ['Status', a.statusLabel],
    ...(a.status === 'dropped'
      ? [['Why dropped', a.droppedReason || 'No reason recorded'] as [string, string]]
      : []),
    ['Raised by', a.raisedBy.join(', ') || 'Not recorded'],
    ['Owner', a.owner || 'Not named'],
    ['Due', a.dueDate ? plainDate(a.dueDate) : 'No date'],
    ['Areas', a.areas.map((x) => `${x.id} ${x.title}`).join('; ') || 'None'],
    ...(a.plan ? planFacts(a.plan) : []),
    ['Agreed', a.agreedIn],
    ['People told', a.feedback.toldAt ? plainDate(a.feedback.toldAt) : 'Not yet told what happened'],
    ...(a.feedback.how ? [['How they were told', a.feedback.how] as [string, string]] : []),
    // Each earlier assessment gets its own row, so what happened there is not lost in one long cell.
    ...(a.history.length
      ? a.history.map((line) => ['History', line] as [string, string])
      : a.carriedFrom
        ? [['History', 'Carried forward from the previous assessment'] as [string, string]]
        : []),
  ]
}
