import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { serverOrigin } from '../origins.ts'
import type { Action } from '../records/action.ts'
import type { AgreedLevel } from '../records/agreedLevel.ts'
import type { Evidence, PreviousArea } from '../records/evidence.ts'
import { evidenceMap, previousMap } from '../roots.ts'

/** What a re-assessment takes from the board it follows, besides open actions (carryForward.ts). */
export interface PreviousFindings {
  assessment: { id: string; title: string; createdAt: string }
  evidence: readonly Evidence[]
  agreed: ReadonlyMap<string, AgreedLevel>
  /** Every action of the earlier board, done and dropped too: the new board shows what each area planned. */
  actions: readonly Action[]
}

/**
 * Opens a re-assessment with what the group knew: the earlier board's evidence (all but retired), each
 * a new record marked "to confirm" that remembers where it came from and the level it was accepted
 * for; and per area the agreed level, rationale and the actions that aimed at it, so the board can
 * show whether the level moved. Peer reviewers' marks belong to that review and stay behind.
 */
export function carryEvidence(
  doc: Y.Doc,
  previous: PreviousFindings,
  now = Date.now(),
): { evidence: number; areas: number } {
  const { assessment } = previous
  const origin = {
    assessmentId: assessment.id,
    title: assessment.title.slice(0, 200),
    startedAt: assessment.createdAt,
  }
  const carried = previous.evidence.filter((e) => e.status !== 'retired')
  const areaIds = new Set([...previous.agreed.keys(), ...previous.actions.flatMap((a) => a.areaIds)])
  doc.transact(() => {
    for (const evidence of carried) {
      const id = nanoid()
      evidenceMap(doc).set(id, {
        ...evidence,
        id,
        status: 'to-confirm',
        acceptedFor: null,
        carriedFrom: {
          ...origin,
          evidenceId: evidence.id,
          acceptedLevel: evidence.acceptedFor?.level ?? null,
        },
        updatedAt: now,
      })
    }
    for (const areaId of [...areaIds].sort()) {
      const agreed = previous.agreed.get(areaId)
      const record: PreviousArea = {
        ...origin,
        level: agreed?.level ?? null,
        rationale: agreed?.rationale ?? '',
        actions: previous.actions
          .filter((a) => a.areaIds.includes(areaId))
          .slice(0, 200)
          .map((a) => ({
            actionId: a.id,
            youSaid: a.youSaid,
            weDid: a.weDid,
            status: a.status,
            measure: a.plan?.measure ?? '',
            baseline: a.plan?.baseline ?? '',
            targetLevel: a.plan?.targetLevel ?? null,
            reviewDate: a.plan?.reviewDate ?? null,
          })),
      }
      previousMap(doc).set(areaId, record)
    }
  }, serverOrigin('reassess'))
  return { evidence: carried.length, areas: areaIds.size }
}
