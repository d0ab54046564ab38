import { ConflictError } from '../conflictError.ts'
import { NotFoundError } from '../notFoundError.ts'
import type { OrganisationRecord, StaffInviteRecord, StaffRecord } from '../records.ts'
import type { MetadataStore } from '../storagePort.ts'
import { type Database, type Query, sqlState } from './database.ts'

const UNIQUE_VIOLATION = '23505'
const FOREIGN_KEY_VIOLATION = '23503'

interface OrganisationRow {
  id: string
  name: string
  places: string[]
  created_at: string
}

interface StaffRow {
  id: string
  organisation_id: string
  name: string
  role: StaffRecord['role']
  identity_issuer: string | null
  identity_subject: string | null
  created_at: string
}

interface StaffInviteRow {
  id: string
  organisation_id: string
  role: StaffRecord['role']
  token_hash: string
  created_at: string
  expires_at: string
  used_at: string | null
  created_by: string | null
}

const ORGANISATION_COLUMNS = 'id, name, places, created_at'
const STAFF_COLUMNS = 'id, organisation_id, name, role, identity_issuer, identity_subject, created_at'
const STAFF_INVITE_COLUMNS =
  'id, organisation_id, role, token_hash, created_at, expires_at, used_at, created_by'
/** Byte order, as JavaScript compares strings, so lists sort the same as in the embedded store. */
const ORDER = 'ORDER BY created_at COLLATE "C", id COLLATE "C"'

const organisationFromRow = (row: OrganisationRow): OrganisationRecord => ({
  id: row.id,
  name: row.name,
  places: row.places,
  createdAt: row.created_at,
})

const staffFromRow = (row: StaffRow): StaffRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  name: row.name,
  role: row.role,
  identity:
    row.identity_issuer === null || row.identity_subject === null
      ? null
      : { issuer: row.identity_issuer, subject: row.identity_subject },
  createdAt: row.created_at,
})

const staffInviteFromRow = (row: StaffInviteRow): StaffInviteRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  role: row.role,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  createdBy: row.created_by,
})

/** Runs an insert, translating constraint violations into the port's errors. */
async function insert(query: Query, sql: string, values: unknown[], conflict: string, missing: string) {
  try {
    await query(sql, values)
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw new ConflictError(conflict)
    if (sqlState(error) === FOREIGN_KEY_VIOLATION) throw new NotFoundError(missing)
    throw error
  }
}

const insertStaff = (query: Query, s: StaffRecord) =>
  insert(
    query,
    `INSERT INTO staff (${STAFF_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      s.id,
      s.organisationId,
      s.name,
      s.role,
      s.identity?.issuer ?? null,
      s.identity?.subject ?? null,
      s.createdAt,
    ],
    `Staff with id ${s.id}, or someone with this sign-in, already exist.`,
    `No organisation with id ${s.organisationId}.`,
  )

/** Organisations, staff and their invites in PostgreSQL, with the same errors as the embedded store. */
export function postgresStaffMethods(
  db: Database,
): Pick<
  MetadataStore,
  | 'createOrganisation'
  | 'getOrganisation'
  | 'listOrganisations'
  | 'updateOrganisation'
  | 'createStaff'
  | 'getStaff'
  | 'findStaffByIdentity'
  | 'listStaff'
  | 'createStaffInvite'
  | 'findStaffInviteByTokenHash'
  | 'acceptStaffInvite'
> {
  const query: Query = (text, values) => db.query(text, values)
  return {
    createOrganisation: (o) =>
      insert(
        query,
        `INSERT INTO organisations (${ORGANISATION_COLUMNS}) VALUES ($1, $2, $3, $4)`,
        [o.id, o.name, JSON.stringify(o.places), o.createdAt],
        `An organisation with id ${o.id} already exists.`,
        '',
      ),
    async getOrganisation(id) {
      const [row] = await query<OrganisationRow>(
        `SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE id = $1`,
        [id],
      )
      return row && organisationFromRow(row)
    },
    async listOrganisations() {
      const rows = await query<OrganisationRow>(`SELECT ${ORGANISATION_COLUMNS} FROM organisations ${ORDER}`)
      return rows.map(organisationFromRow)
    },
    async updateOrganisation(id, change) {
      const [row] = await query<OrganisationRow>(
        `UPDATE organisations SET name = $2, places = $3 WHERE id = $1 RETURNING ${ORGANISATION_COLUMNS}`,
        [id, change.name, JSON.stringify(change.places)],
      )
      if (!row) throw new NotFoundError(`No organisation with id ${id}.`)
      return organisationFromRow(row)
    },
    createStaff: (s) => insertStaff(query, s),
    async getStaff(id) {
      const [row] = await query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE id = $1`, [id])
      return row && staffFromRow(row)
    },
    async findStaffByIdentity(issuer, subject) {
      const [row] = await query<StaffRow>(
        `SELECT ${STAFF_COLUMNS} FROM staff WHERE identity_issuer = $1 AND identity_subject = $2`,
        [issuer, subject],
      )
      return row && staffFromRow(row)
    },
    async listStaff(organisationId) {
      const rows = await query<StaffRow>(
        `SELECT ${STAFF_COLUMNS} FROM staff WHERE organisation_id = $1 ${ORDER}`,
        [organisationId],
      )
      return rows.map(staffFromRow)
    },
    createStaffInvite: (i) =>
      insert(
        query,
        `INSERT INTO staff_invites (${STAFF_INVITE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [i.id, i.organisationId, i.role, i.tokenHash, i.createdAt, i.expiresAt, i.usedAt, i.createdBy],
        `A staff invite with id ${i.id} or with this token already exists.`,
        `No organisation with id ${i.organisationId}.`,
      ),
    async findStaffInviteByTokenHash(hash) {
      const [row] = await query<StaffInviteRow>(
        `SELECT ${STAFF_INVITE_COLUMNS} FROM staff_invites WHERE token_hash = $1`,
        [hash],
      )
      return row && staffInviteFromRow(row)
    },
    acceptStaffInvite: (inviteId, staff) =>
      db.transaction(async (tx) => {
        // The row lock makes two people opening one link at once wait in turn; the second sees it used.
        const [row] = await tx<StaffInviteRow>(
          `SELECT ${STAFF_INVITE_COLUMNS} FROM staff_invites WHERE id = $1 FOR UPDATE`,
          [inviteId],
        )
        if (!row) throw new NotFoundError(`No staff invite with id ${inviteId}.`)
        if (row.used_at) throw new ConflictError('This invite has already been used.')
        await insertStaff(tx, staff)
        await tx('UPDATE staff_invites SET used_at = $2 WHERE id = $1', [inviteId, staff.createdAt])
      }),
  }
}
