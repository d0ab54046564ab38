/**
 * The metadata records the server keeps beside each assessment's live document. Plain JSON with ISO
 * date strings, so every adapter can store them as they are and hand back exactly what it was given.
 */

export type InviteRole = 'chair' | 'participant' | 'peer-reviewer' | 'observer'

export type ParticipantGroup = 'ics' | 'vcse' | 'lived-experience' | 'peer-reviewer'

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
}

export type AssessmentPatch = Partial<Omit<AssessmentRecord, 'id'>>

export interface InviteRecord {
  id: string
  assessmentId: string
  role: InviteRole
  tokenHash: string
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  createdBy: string | null
}

export interface ParticipantRecord {
  id: string
  assessmentId: string
  inviteId: string
  role: InviteRole
  displayName: string
  organisation: string
  group: ParticipantGroup
  joinedAt: string
}
