import { type Action, areaOfItem, plainDate, readActions } from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import type * as Y from 'yjs'
import { actionStatusLabels, type LevelRef, levelRef } from './buildReportModel.ts'
import { escapeHtml as e } from './escapeHtml.ts'
import type { Redaction } from './redaction.ts'

/** An earlier action that aimed at an area, beside the area's change in level in the comparison. */
export interface AimedAction {
  youSaid: string
  /** Where it stood on the earlier board, and (if it was carried forward) where it stands now. */
  statusThen: string
  statusNow: string | null
  measure: string
  baseline: string
  reviewDate: string | null
  targetLevel: string | null
  /** Whether the area's level now reaches the level the action aimed at; null when either is unknown. */
  targetReached: boolean | null
}

/** An action aims at an area when it names it, or when its plan names one of the area's checklist items. */
const aimsAt = (action: Action, areaId: string) =>
  action.areaIds.includes(areaId) ||
  (action.plan?.targetItemIds ?? []).some((id) => areaOfItem(id) === areaId)

/** For each area, the earlier board's actions that aimed at it, with their plans and what became of them. */
export function actionsAimedAt(
  framework: Framework,
  before: Y.Doc,
  after: Y.Doc,
  redact: Pick<Redaction, 'text'>,
): (areaId: string, now: LevelRef) => AimedAction[] {
  const earlier = readActions(before)
  const carried = new Map(
    readActions(after).flatMap((a) => (a.carriedFrom ? [[a.carriedFrom, a] as const] : [])),
  )
  return (areaId, now) =>
    earlier
      .filter((a) => aimsAt(a, areaId))
      .map((a) => {
        const target = a.plan?.targetLevel ? levelRef(framework, a.plan.targetLevel) : null
        const later = carried.get(a.id)
        return {
          youSaid: redact.text(a.youSaid),
          statusThen: actionStatusLabels[a.status],
          statusNow: later ? actionStatusLabels[later.status] : null,
          measure: redact.text(a.plan?.measure ?? ''),
          baseline: redact.text(a.plan?.baseline ?? ''),
          reviewDate: a.plan?.reviewDate ?? null,
          targetLevel: target?.label ?? null,
          targetReached: target?.rank != null && now.rank !== null ? now.rank >= target.rank : null,
        }
      })
}

/** The cell beside an area's movement: each action, its status then and now, its measure and target. */
export function aimedActionsCell(actions: readonly AimedAction[]): string {
  if (!actions.length) return 'None'
  const item = (a: AimedAction) => {
    const status = `${a.statusThen} then${a.statusNow ? `, ${a.statusNow.toLowerCase()} now` : ''}`
    const target = a.targetLevel
      ? ` Aimed at ${e(a.targetLevel)}: ${a.targetReached === null ? 'cannot tell yet' : a.targetReached ? 'reached' : 'not reached yet'}.`
      : ''
    const measure = a.measure
      ? ` Measure: ${e(a.measure)}${a.baseline ? ` (baseline ${e(a.baseline)})` : ''}.`
      : ''
    const review = a.reviewDate ? ` Review ${e(plainDate(a.reviewDate))}.` : ''
    return `<li>${e(a.youSaid || '(not written)')} <span class="meta">(${e(status)})</span>${target}${measure}${review}</li>`
  }
  return `<ul>${actions.map(item).join('')}</ul>`
}
