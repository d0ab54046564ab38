import type { GroupDef, Role, StakeholderGroup } from '@co-assess/board-model'

/**
 * The metadata records the server keeps beside each assessment's live document. Plain JSON with ISO
 * date strings, so every adapter can store them as they are and hand back exactly what it was given.
 * Roles and groups are the board model's (`@co-assess/board-model`), so the two cannot drift apart.
 */

export type InviteRole = Role

/**
 * A stakeholder group's stable id (`ics`, `vcse`, `lived-experience`, or one the chair added, such as
 * `healthwatch`). Records made before groups were set per assessment may hold `peer-reviewer`, which
 * means "no group".
 */
export type ParticipantGroup = StakeholderGroup

/** A group set for one assessment: the id is what ticks are counted by, the label what people read. */
export type StakeholderGroupRecord = GroupDef

export interface PublicationRecord {
  publishedAt: string
  withdrawnAt: string | null
  /** Opaque JSON chosen by the app (the published "you said, we did" page). */
  content: unknown
}

export interface AssessmentRecord {
  id: string
  title: string
  frameworkId: string
  frameworkVersion: string
  scope: 'strategic' | 'operational'
  workstream: string
  createdAt: string
  previousAssessmentId: string | null
  reviewClosedAt: string | null
  publication: PublicationRecord | null
  /** The assessment's stakeholder groups, in the order tallies show them. Absent on records made before groups were set per assessment: those have the three default groups. */
  groups?: StakeholderGroupRecord[]
  /** Days after `createdAt` when the server deletes the assessment and everything of it; absent: kept until someone deletes it. */
  retentionDays?: number
  /** The organisation that owns it. Absent only on records made before organisations, until the server's first start attaches them to its default organisation. */
  organisationId?: string
  /** How a lead set it up in the browser (Place, areas in scope, horizon, session dates); absent on older records and API-made ones. */
  plan?: AssessmentPlan
}

/** What a lead chose when setting an assessment up; the board offers only `areaIds`. */
export interface AssessmentPlan {
  /** One of the organisation's Places, or null for the whole system. */
  place: string | null
  /** The framework area ids in scope, in the framework's order; every area when the lead chose all. */
  areaIds: string[]
  /** Looking back at what was done, or forward at what is planned. */
  horizon: 'looking-back' | 'looking-forward'
  /** Planned session dates (YYYY-MM-DD), earliest first. */
  sessionDates: string[]
}

/** An organisation (an ICS) with its Places; staff and assessments belong to one. */
export interface OrganisationRecord {
  id: string
  name: string
  places: string[]
  createdAt: string
}

export type StaffRole = 'administrator' | 'lead' | 'member'

/** A member of staff. They sign in through OpenID Connect (`identity`) or, with no provider configured, by the link that made them. */
export interface StaffRecord {
  id: string
  organisationId: string
  name: string
  role: StaffRole
  /** The provider's issuer and subject, once they have signed in through it; null before, and always with no provider. */
  identity: { issuer: string; subject: string } | null
  createdAt: string
}

/** A one-use link that makes someone staff of an organisation with a role. */
export interface StaffInviteRecord {
  id: string
  organisationId: string
  role: StaffRole
  tokenHash: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
  /** The staff id that made it, or null for the admin key or the first start's set-up link. */
  createdBy: string | null
}

/** `retentionDays: null` removes the retention period (kept until deleted); any other field set replaces it. */
export type AssessmentPatch = Partial<Omit<AssessmentRecord, 'id' | 'retentionDays'>> & {
  retentionDays?: number | null
}

/**
 * One person's answers to the optional equality monitoring questions: question id to answer id. It
 * carries no person id, no time and no order, so it cannot be joined back to who gave it.
 */
export type EqualityAnswers = Record<string, string>

/**
 * One person's answers to "Did you feel heard?" after a session: the session and the person's group,
 * never who. It carries no person id, no time and no order. `heard` and `spoke` are 1 (not at all)
 * to 5 (completely); `help` is what would help next time, or null when left blank.
 */
export interface SessionFeedback {
  sessionId: string
  group: StakeholderGroup
  heard: number
  spoke: number
  help: string | null
}

export interface InviteRecord {
  id: string
  assessmentId: string
  role: InviteRole
  tokenHash: string
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  createdBy: string | null
  /** The group ids someone joining with this invite may choose from: one fixes it. Absent: any of the assessment's groups. Roles with no group ignore it. */
  groups?: string[]
}

export interface ParticipantRecord {
  id: string
  assessmentId: string
  inviteId: string
  role: InviteRole
  displayName: string
  organisation: string
  /** Null for roles that speak for no group (observers, peer reviewers). */
  group: ParticipantGroup | null
  joinedAt: string
}
