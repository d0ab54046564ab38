import { NOT_ASSESSED, NOT_YET, readActions, readAgreedLevels } from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import type { AssessmentRecord } from '@co-assess/storage'
import type * as Y from 'yjs'

/** Where an assessment stands, for its organisation's home page. */
export interface Standing {
  areasInScope: number
  /** Areas in scope with an agreed level (including "not assessed", which is a decision too). */
  areasAgreed: number
  /** Agreed or in progress. */
  openActions: number
  /** Committed to (not only proposed) and nobody has recorded telling the people who raised it. */
  notFedBack: number
  /** The first planned session date from today on, or null. */
  nextSession: string | null
}

/** The area ids an assessment covers: its plan's, or every area of its framework. */
export function areasInScope(framework: Framework, assessment: AssessmentRecord): string[] {
  const all = framework.phases.flatMap((phase) => phase.areas.map((area) => area.id))
  if (!assessment.plan) return all
  const chosen = new Set(assessment.plan.areaIds)
  return all.filter((id) => chosen.has(id))
}

export function standingOf(
  doc: Y.Doc,
  framework: Framework,
  assessment: AssessmentRecord,
  today: string,
): Standing {
  const scope = areasInScope(framework, assessment)
  const agreed = readAgreedLevels(doc)
  const actions = readActions(doc)
  return {
    areasInScope: scope.length,
    areasAgreed: scope.filter((id) => {
      const level = agreed.get(id)?.level
      return level !== undefined && level !== NOT_YET
    }).length,
    openActions: actions.filter((a) => a.status === 'agreed' || a.status === 'in-progress').length,
    notFedBack: actions.filter((a) => a.status !== 'proposed' && a.feedback.toldAt === null).length,
    nextSession: assessment.plan?.sessionDates.find((date) => date >= today) ?? null,
  }
}

/** Each area's agreed level id on one board (areas in scope with a real level; not "not yet" or "not assessed"). */
export function agreedLevelsOf(doc: Y.Doc, scope: readonly string[]): Record<string, string> {
  const agreed = readAgreedLevels(doc)
  const levels: Record<string, string> = {}
  for (const id of scope) {
    const level = agreed.get(id)?.level
    if (level && level !== NOT_YET && level !== NOT_ASSESSED) levels[id] = level
  }
  return levels
}
