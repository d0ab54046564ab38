import { readGroups, readPeople, readSessions } from '@co-assess/board-model'
import type { Storage } from '@co-assess/storage'
import type { Hocuspocus } from '@hocuspocus/server'
import { notFound } from '../http/httpError.ts'
import { redactionFor } from '../reports/redaction.ts'
import { DEFAULT_SMALL_NUMBER_THRESHOLD } from '../reports/smallNumbers.ts'
import { type FeedbackSummary, summariseFeedback } from './summariseFeedback.ts'

/** The chair's summary of an assessment's session feedback, for the panel and the chair's reports. */
export async function readFeedbackSummary(
  deps: { storage: Storage; hocuspocus: Hocuspocus },
  assessmentId: string,
): Promise<FeedbackSummary> {
  const { metadata } = deps.storage
  if (!(await metadata.getAssessment(assessmentId))) throw notFound('That assessment does not exist.')
  const stored = Number(await metadata.getSetting(`smallNumberThreshold:${assessmentId}`))
  const threshold = Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_SMALL_NUMBER_THRESHOLD
  const answers = await metadata.listSessionFeedback(assessmentId)
  const connection = await deps.hocuspocus.openDirectConnection(assessmentId)
  try {
    const doc = connection.document!
    const groups = readGroups(doc)
    // Free text is redacted for names even in the chair's copy: the answers are anonymous.
    const redact = redactionFor('chair', { people: readPeople(doc).values(), groups })
    return summariseFeedback(answers, readSessions(doc), groups, threshold, redact.text)
  } finally {
    await connection.disconnect()
  }
}
