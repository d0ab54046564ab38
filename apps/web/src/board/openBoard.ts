import { writesTheBoard } from '@co-assess/board-model'
import { ApiError } from '../api/apiFetch.ts'
import type { AssessmentDetail } from '../api/apiTypes.ts'
import { getAssessment, getFramework } from '../api/endpoints.ts'
import type { Framework } from '../framework/frameworkTypes.ts'
import type { SessionKeeper } from '../session/sessionKeeper.ts'
import { plannedAreas, scopedFramework } from '../staff/scopedFramework.ts'
import { BoardConnection } from './connection/BoardConnection.ts'

/** The assessment as this person may see it, and its framework cut to the areas in scope. */
export interface BoardData {
  detail: AssessmentDetail
  framework: Framework
}

/** `?board=` lets a load balancer keep every connection of one board (and its blind documents) on one instance. */
function syncUrl(assessmentId: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${window.location.host}/sync?board=${encodeURIComponent(assessmentId)}`
}

/** The board's live documents for the person whose session `keeper` holds. */
export function openConnection(keeper: SessionKeeper, assessmentId: string, hasLocalCopy: boolean) {
  const { person } = keeper.current
  return new BoardConnection({
    url: syncUrl(assessmentId),
    assessmentId,
    personId: person.id,
    canWrite: writesTheBoard(person.role),
    token: () => keeper.token(),
    refreshToken: () => keeper.refresh(),
    onSignedOut: (reason) => keeper.signOut(reason),
    hasLocalCopy,
  })
}

/** The assessment (asked again with a fresh token after a 401) and its framework. */
export async function fetchBoardData(keeper: SessionKeeper, assessmentId: string): Promise<BoardData> {
  let detail: AssessmentDetail
  try {
    detail = await getAssessment(assessmentId, await keeper.token())
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error
    detail = await getAssessment(assessmentId, await keeper.refresh())
  }
  // The board offers only the areas the lead put in scope.
  const framework = scopedFramework(
    await getFramework(detail.assessment.frameworkId),
    plannedAreas(detail.assessment),
  )
  return { detail, framework }
}
