import type { Role, StakeholderGroup } from '@co-assess/board-model'

/** Shapes of the server's HTTP answers that the web app reads. */
export interface InviteInfo {
  role: Role
  assessment: { id: string; title: string; workstream: string }
  expiresAt: string
  /** The groups this invite offers: none means joining with no group (observers, peer reviewers, a facilitator). */
  groups?: Array<{ id: string; label: string }>
  /** Days the assessment is kept after it was made; null: until the chair deletes it. */
  retentionDays?: number | null
}

export interface JoinedPerson {
  id: string
  name: string
  organisation: string
  /** Null for people who join with no group (observers, peer reviewers, a facilitating chair). */
  group: StakeholderGroup | null
  role: Role
  colour: string
}

export interface JoinResult {
  token: string
  refreshToken: string
  expiresAt: string
  person: JoinedPerson
  assessmentId: string
}

export interface AssessmentRecord {
  id: string
  title: string
  frameworkId: string
  frameworkVersion: string
  scope: 'strategic' | 'operational'
  workstream: string
  createdAt: string
  /** The assessment this one follows, when it is a re-assessment. */
  previousAssessmentId?: string | null
}

export interface Participant {
  id: string
  displayName: string
  organisation: string
  group: StakeholderGroup
  role: Role
  joinedAt: string
}

export interface AssessmentDetail {
  assessment: AssessmentRecord
  participants: Participant[]
}

export interface IssuedInvite {
  id: string
  token: string
  path: string
  role: Role
  expiresAt: string
}

export interface InviteSummary {
  id: string
  role: Role
  createdAt: string
  expiresAt: string
  revokedAt: string | null
}

/** Plain report links with a short-lived `?access=` (chairs and participants). */
export interface ReportLinks {
  links: {
    report: string
    docx: string
    markdown: string
    itemsCsv: string
    actionsCsv: string
    evidenceCsv: string
    comparison: string
    reportWithNames?: string
    exportJson?: string
  }
  expiresAt: string
}

export interface PublicationState {
  published: boolean
  path: string | null
  publishedAt: string | null
  withdrawnAt: string | null
  actionCount: number
}

/** A word in the previewed public page that may still name someone on the board. */
export interface PossibleName {
  id: string
  actionId: string
  field: 'youSaid' | 'weDid' | 'whatChanged' | 'droppedReason'
  word: string
}

/** The public page as the public would see it, before it is published. */
export interface PublicationPreview {
  items: Array<{
    actionId: string
    youSaid: string
    weDid: string
    whatChanged: string
    statusLabel: string
    droppedReason?: string
    areas: Array<{ id: string; title: string }>
  }>
  possibleNames: PossibleName[]
}

export interface Reassessment {
  assessment: AssessmentRecord
  chairInvite: IssuedInvite
  carriedForward: number
}
