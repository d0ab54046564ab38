import { randomUUID } from 'node:crypto'
import { applyAssessmentPatch } from '../applyAssessmentPatch.ts'
import { ConflictError } from '../conflictError.ts'
import { byAnswers } from '../equalityOrder.ts'
import { NotFoundError } from '../notFoundError.ts'
import type { MetadataStore } from '../storagePort.ts'
import { type Database, sqlState } from './database.ts'
import { postgresSessionFeedbackMethods } from './postgresSessionFeedback.ts'
import { postgresStaffMethods } from './postgresStaffStore.ts'
import {
  ASSESSMENT_COLUMNS,
  type AssessmentRow,
  assessmentFromRow,
  assessmentValues,
  INVITE_COLUMNS,
  type InviteRow,
  inviteFromRow,
  inviteValues,
  PARTICIPANT_COLUMNS,
  type ParticipantRow,
  participantFromRow,
  participantValues,
} from './recordRows.ts'

const UNIQUE_VIOLATION = '23505'
const FOREIGN_KEY_VIOLATION = '23503'

const placeholders = (count: number) => Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ')

/** Byte order, as JavaScript compares strings, so lists sort the same as in the embedded store. */
const ORDER = (time: string) => `ORDER BY ${time} COLLATE "C", id COLLATE "C"`

/** Insert, translating constraint violations into the port's errors. */
async function insert(db: Database, sql: string, values: unknown[], conflict: string, missing: string) {
  try {
    await db.query(sql, values)
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new ConflictError(conflict)
    if (sqlState(error) === FOREIGN_KEY_VIOLATION) throw new NotFoundError(missing)
    throw error
  }
}

export function createPostgresMetadataStore(db: Database): MetadataStore {
  return {
    createAssessment: (a) =>
      insert(
        db,
        `INSERT INTO assessments (${ASSESSMENT_COLUMNS}) VALUES (${placeholders(14)})`,
        assessmentValues(a),
        `An assessment with id ${a.id} already exists.`,
        '',
      ),
    async getAssessment(id) {
      const [row] = await db.query<AssessmentRow>(
        `SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE id = $1`,
        [id],
      )
      return row && assessmentFromRow(row)
    },
    async listAssessments() {
      const rows = await db.query<AssessmentRow>(
        `SELECT ${ASSESSMENT_COLUMNS} FROM assessments ${ORDER('created_at')}`,
      )
      return rows.map(assessmentFromRow)
    },
    updateAssessment: (id, patch) =>
      // Read, patch and write under a row lock, so the rules for a patch live in one place for both adapters.
      db.transaction(async (query) => {
        const [row] = await query<AssessmentRow>(
          `SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE id = $1 FOR UPDATE`,
          [id],
        )
        if (!row) throw new NotFoundError(`No assessment with id ${id}.`)
        const updated = applyAssessmentPatch(assessmentFromRow(row), patch)
        const sets = ASSESSMENT_COLUMNS.split(', ')
          .slice(1)
          .map((column, i) => `${column} = $${i + 2}`)
        await query(`UPDATE assessments SET ${sets.join(', ')} WHERE id = $1`, assessmentValues(updated))
        return updated
      }),
    deleteAssessment: (id) =>
      db.transaction(async (query) => {
        const [row] = await query<{ id: string }>('SELECT id FROM assessments WHERE id = $1 FOR UPDATE', [id])
        if (!row) return false
        // Children first, for the foreign keys; all in one transaction, so nothing is half deleted.
        await query('DELETE FROM equality_answers WHERE assessment_id = $1', [id])
        await query('DELETE FROM equality_respondents WHERE assessment_id = $1', [id])
        await query('DELETE FROM session_feedback WHERE assessment_id = $1', [id])
        await query('DELETE FROM session_feedback_markers WHERE assessment_id = $1', [id])
        await query('DELETE FROM participants WHERE assessment_id = $1', [id])
        await query('DELETE FROM invites WHERE assessment_id = $1', [id])
        await query('DELETE FROM settings WHERE right(key, length($1) + 1) = $2', [id, `:${id}`])
        await query(
          'UPDATE assessments SET previous_assessment_id = NULL WHERE previous_assessment_id = $1',
          [id],
        )
        await query('DELETE FROM assessments WHERE id = $1', [id])
        return true
      }),

    createInvite: (i) =>
      insert(
        db,
        `INSERT INTO invites (${INVITE_COLUMNS}) VALUES (${placeholders(9)})`,
        inviteValues(i),
        `An invite with id ${i.id} or with this token already exists.`,
        `No assessment with id ${i.assessmentId} to invite people to.`,
      ),
    async findInviteByTokenHash(hash) {
      const [row] = await db.query<InviteRow>(`SELECT ${INVITE_COLUMNS} FROM invites WHERE token_hash = $1`, [
        hash,
      ])
      return row && inviteFromRow(row)
    },
    async getInvite(id) {
      const [row] = await db.query<InviteRow>(`SELECT ${INVITE_COLUMNS} FROM invites WHERE id = $1`, [id])
      return row && inviteFromRow(row)
    },
    async listInvites(assessmentId) {
      const rows = await db.query<InviteRow>(
        `SELECT ${INVITE_COLUMNS} FROM invites WHERE assessment_id = $1 ${ORDER('created_at')}`,
        [assessmentId],
      )
      return rows.map(inviteFromRow)
    },
    async revokeInvite(id, at) {
      const [row] = await db.query<InviteRow>(
        `UPDATE invites SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${INVITE_COLUMNS}`,
        [id, at],
      )
      if (!row) throw new NotFoundError(`No invite with id ${id}.`)
      return inviteFromRow(row)
    },

    addParticipant: (p) =>
      insert(
        db,
        `INSERT INTO participants (${PARTICIPANT_COLUMNS}) VALUES (${placeholders(8)})`,
        participantValues(p),
        `A participant with id ${p.id} already exists.`,
        `No assessment ${p.assessmentId} with invite ${p.inviteId}.`,
      ),
    async getParticipant(id) {
      const [row] = await db.query<ParticipantRow>(
        `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE id = $1`,
        [id],
      )
      return row && participantFromRow(row)
    },
    async listParticipants(assessmentId) {
      const rows = await db.query<ParticipantRow>(
        `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE assessment_id = $1 ${ORDER('joined_at')}`,
        [assessmentId],
      )
      return rows.map(participantFromRow)
    },
    async renameParticipant(id, names) {
      const [row] = await db.query<ParticipantRow>(
        `UPDATE participants SET display_name = $2, organisation = $3 WHERE id = $1 RETURNING ${PARTICIPANT_COLUMNS}`,
        [id, names.displayName, names.organisation],
      )
      if (!row) throw new NotFoundError(`No participant with id ${id}.`)
      return participantFromRow(row)
    },
    addEqualityAnswers: (assessmentId, personId, answers) =>
      db.transaction(async (query) => {
        try {
          await query('INSERT INTO equality_respondents (assessment_id, person_id) VALUES ($1, $2)', [
            assessmentId,
            personId,
          ])
        } catch (error) {
          if (sqlState(error) === UNIQUE_VIOLATION)
            throw new ConflictError('This person has already answered the equality questions.')
          if (sqlState(error) === FOREIGN_KEY_VIOLATION)
            throw new NotFoundError(`No assessment with id ${assessmentId}.`)
          throw error
        }
        // A random id and no time: nothing in the row says who gave it or when.
        await query('INSERT INTO equality_answers (id, assessment_id, answers) VALUES ($1, $2, $3)', [
          randomUUID(),
          assessmentId,
          JSON.stringify(answers),
        ])
      }),
    async listEqualityAnswers(assessmentId) {
      const rows = await db.query<{ answers: Record<string, string> }>(
        'SELECT answers FROM equality_answers WHERE assessment_id = $1',
        [assessmentId],
      )
      return rows.map((row) => row.answers).sort(byAnswers)
    },
    async hasAnsweredEquality(assessmentId, personId) {
      const rows = await db.query(
        'SELECT 1 FROM equality_respondents WHERE assessment_id = $1 AND person_id = $2',
        [assessmentId, personId],
      )
      return rows.length > 0
    },

    async getSetting(key) {
      const [row] = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key])
      return row?.value
    },
    async setSetting(key, value) {
      await db.query(
        'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
        [key, value],
      )
    },
    async setSettingIfAbsent(key, value) {
      await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
        key,
        value,
      ])
      const [row] = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key])
      return row?.value ?? value
    },
    async listSettings() {
      const rows = await db.query<{ key: string; value: string }>(
        'SELECT key, value FROM settings ORDER BY key COLLATE "C"',
      )
      return Object.fromEntries(rows.map((row) => [row.key, row.value]))
    },

    ...postgresStaffMethods(db),
    ...postgresSessionFeedbackMethods(db),
  }
}
