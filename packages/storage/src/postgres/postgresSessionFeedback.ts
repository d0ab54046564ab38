import { randomUUID } from 'node:crypto'
import { ConflictError } from '../conflictError.ts'
import { NotFoundError } from '../notFoundError.ts'
import type { SessionFeedback } from '../records.ts'
import { bySessionFeedback } from '../sessionFeedbackOrder.ts'
import type { MetadataStore } from '../storagePort.ts'
import { type Database, sqlState } from './database.ts'

const UNIQUE_VIOLATION = '23505'
const FOREIGN_KEY_VIOLATION = '23503'

interface FeedbackRow {
  session_id: string
  participant_group: string
  heard: number
  spoke: number
  help: string | null
}

/** "Did you feel heard?" answers in PostgreSQL: the answer and its marker in one transaction, in separate tables. */
export function postgresSessionFeedbackMethods(
  db: Database,
): Pick<MetadataStore, 'addSessionFeedback' | 'listSessionFeedback' | 'hasSessionFeedbackMarker'> {
  return {
    addSessionFeedback: (assessmentId, marker, feedback) =>
      db.transaction(async (query) => {
        try {
          await query('INSERT INTO session_feedback_markers (assessment_id, marker) VALUES ($1, $2)', [
            assessmentId,
            marker,
          ])
        } catch (error) {
          if (sqlState(error) === UNIQUE_VIOLATION)
            throw new ConflictError('This person has already answered for this session.')
          if (sqlState(error) === FOREIGN_KEY_VIOLATION)
            throw new NotFoundError(`No assessment with id ${assessmentId}.`)
          throw error
        }
        // A random id and no time: nothing in the row says who gave it or when.
        await query(
          'INSERT INTO session_feedback (id, assessment_id, session_id, participant_group, heard, spoke, help) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [
            randomUUID(),
            assessmentId,
            feedback.sessionId,
            feedback.group,
            feedback.heard,
            feedback.spoke,
            feedback.help,
          ],
        )
      }),
    async listSessionFeedback(assessmentId) {
      const rows = await db.query<FeedbackRow>(
        'SELECT session_id, participant_group, heard, spoke, help FROM session_feedback WHERE assessment_id = $1',
        [assessmentId],
      )
      return rows
        .map(
          (row): SessionFeedback => ({
            sessionId: row.session_id,
            group: row.participant_group,
            heard: row.heard,
            spoke: row.spoke,
            help: row.help,
          }),
        )
        .sort(bySessionFeedback)
    },
    async hasSessionFeedbackMarker(assessmentId, marker) {
      const rows = await db.query(
        'SELECT 1 FROM session_feedback_markers WHERE assessment_id = $1 AND marker = $2',
        [assessmentId, marker],
      )
      return rows.length > 0
    },
  }
}
