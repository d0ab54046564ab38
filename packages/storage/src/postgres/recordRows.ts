import type {
  AssessmentPlan,
  AssessmentRecord,
  InviteRecord,
  ParticipantRecord,
  PublicationRecord,
  StakeholderGroupRecord,
} from '../records.ts'

/** Table rows as pg returns them, and the conversions to and from records. */

export interface AssessmentRow {
  id: string
  title: string
  framework_id: string
  framework_version: string
  scope: AssessmentRecord['scope']
  workstream: string
  created_at: string
  previous_assessment_id: string | null
  review_closed_at: string | null
  publication: PublicationRecord | null
  stakeholder_groups: StakeholderGroupRecord[] | null
  retention_days: number | null
  organisation_id: string | null
  plan: AssessmentPlan | null
}

export interface InviteRow {
  id: string
  assessment_id: string
  role: InviteRecord['role']
  token_hash: string
  created_at: string
  expires_at: string
  revoked_at: string | null
  created_by: string | null
  invite_groups: string[] | null
}

export interface ParticipantRow {
  id: string
  assessment_id: string
  invite_id: string
  role: ParticipantRecord['role']
  display_name: string
  organisation: string
  participant_group: ParticipantRecord['group']
  joined_at: string
}

export const ASSESSMENT_COLUMNS =
  'id, title, framework_id, framework_version, scope, workstream, created_at, previous_assessment_id, review_closed_at, publication, stakeholder_groups, retention_days, organisation_id, plan'
export const INVITE_COLUMNS =
  'id, assessment_id, role, token_hash, created_at, expires_at, revoked_at, created_by, invite_groups'
export const PARTICIPANT_COLUMNS =
  'id, assessment_id, invite_id, role, display_name, organisation, participant_group, joined_at'

export function assessmentFromRow(row: AssessmentRow): AssessmentRecord {
  return {
    id: row.id,
    title: row.title,
    frameworkId: row.framework_id,
    frameworkVersion: row.framework_version,
    scope: row.scope,
    workstream: row.workstream,
    createdAt: row.created_at,
    previousAssessmentId: row.previous_assessment_id,
    reviewClosedAt: row.review_closed_at,
    publication: row.publication,
    // Optional fields stay absent when unset, as the embedded store keeps them, so a copy compares equal.
    ...(row.stakeholder_groups === null ? {} : { groups: row.stakeholder_groups }),
    ...(row.retention_days === null ? {} : { retentionDays: row.retention_days }),
    ...(row.organisation_id === null ? {} : { organisationId: row.organisation_id }),
    ...(row.plan === null ? {} : { plan: row.plan }),
  }
}

/** Values in ASSESSMENT_COLUMNS order. jsonb goes in as a JSON string: pg would turn an array into a PostgreSQL array. */
export function assessmentValues(a: AssessmentRecord): unknown[] {
  return [
    a.id,
    a.title,
    a.frameworkId,
    a.frameworkVersion,
    a.scope,
    a.workstream,
    a.createdAt,
    a.previousAssessmentId,
    a.reviewClosedAt,
    a.publication === null ? null : JSON.stringify(a.publication),
    a.groups === undefined ? null : JSON.stringify(a.groups),
    a.retentionDays ?? null,
    a.organisationId ?? null,
    a.plan === undefined ? null : JSON.stringify(a.plan),
  ]
}

export function inviteFromRow(row: InviteRow): InviteRecord {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    role: row.role,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdBy: row.created_by,
    ...(row.invite_groups === null ? {} : { groups: row.invite_groups }),
  }
}

export function inviteValues(i: InviteRecord): unknown[] {
  return [
    i.id,
    i.assessmentId,
    i.role,
    i.tokenHash,
    i.createdAt,
    i.expiresAt,
    i.revokedAt,
    i.createdBy,
    i.groups === undefined ? null : JSON.stringify(i.groups),
  ]
}

export function participantFromRow(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    inviteId: row.invite_id,
    role: row.role,
    displayName: row.display_name,
    organisation: row.organisation,
    group: row.participant_group,
    joinedAt: row.joined_at,
  }
}

export function participantValues(p: ParticipantRecord): unknown[] {
  return [p.id, p.assessmentId, p.inviteId, p.role, p.displayName, p.organisation, p.group, p.joinedAt]
}
