import { parseDocumentName } from '@co-assess/board-model'
import type { AssessmentRecord, Storage } from '@co-assess/storage'
import type { Hocuspocus } from '@hocuspocus/server'
import type { Logger } from 'pino'

const DAY_MS = 86_400_000

/** When an assessment's retention period ends, or null when it is kept until someone deletes it. */
export function deleteDueAt(assessment: Pick<AssessmentRecord, 'createdAt' | 'retentionDays'>): Date | null {
  if (assessment.retentionDays === undefined) return null
  return new Date(Date.parse(assessment.createdAt) + assessment.retentionDays * DAY_MS)
}

export interface RetentionSweep {
  /** Deletes every assessment whose retention period has ended by `at`; returns their ids. */
  sweep(at?: number): Promise<string[]>
  stop(): void
}

/**
 * Every `intervalMs` (an hour), deletes the assessments whose retention period has ended, with
 * everything of them. It also deletes stored documents whose assessment no longer exists, when
 * seen so on two sweeps in a row: a client on another instance may have written in the seconds
 * after a deletion, and a document is stored a moment before its new assessment's record, so one
 * sighting is not enough.
 */
export function startRetentionSweep(deps: {
  storage: Storage
  hocuspocus: Hocuspocus
  deleteAssessment: (id: string) => Promise<boolean>
  log: Logger
  intervalMs?: number
  now?: () => number
}): RetentionSweep {
  const now = deps.now ?? Date.now
  let orphansSeen = new Set<string>()

  const sweep = async (at = now()): Promise<string[]> => {
    const assessments = await deps.storage.metadata.listAssessments()
    const due = assessments.filter((a) => {
      const dueAt = deleteDueAt(a)
      return dueAt !== null && dueAt.getTime() <= at
    })
    for (const a of due) await deps.deleteAssessment(a.id)
    if (due.length > 0)
      deps.log.info({ deleted: due.map((a) => a.id) }, 'deleted assessments whose retention period ended')

    const live = new Set(assessments.filter((a) => !due.includes(a)).map((a) => a.id))
    const orphans = new Set<string>()
    for (const name of await deps.storage.documents.listDocuments()) {
      const parsed = parseDocumentName(name)
      if (!parsed || live.has(parsed.assessmentId) || deps.hocuspocus.documents.has(name)) continue
      orphans.add(parsed.assessmentId)
    }
    for (const id of orphans) if (orphansSeen.has(id)) await deps.deleteAssessment(id)
    orphansSeen = orphans
    return due.map((a) => a.id)
  }

  let busy = false
  const timer = setInterval(
    () => {
      if (busy) return
      busy = true
      sweep(now())
        .catch((error: unknown) => deps.log.error({ err: error }, 'the retention sweep failed'))
        .finally(() => {
          busy = false
        })
    },
    deps.intervalMs ?? 60 * 60 * 1000,
  )
  timer.unref()
  return { sweep, stop: () => clearInterval(timer) }
}
