import { MAX_GROUPS, roleSchema, stakeholderGroupSchema } from '@co-assess/board-model'
import { z } from 'zod'
import { idParam, isoTime, personText } from './fields.ts'

export const scopeSchema = z.enum(['strategic', 'operational'], {
  error: 'Scope must be "strategic" or "operational"',
})
export const horizonSchema = z.enum(['looking-back', 'looking-forward'], {
  error: 'Choose looking back or looking forward',
})

/** A group as an assessment lists it (as stored: the rules on new groups are `groupDefSchema`'s). */
export const groupRecord = z.object({ id: z.string(), label: z.string() })

/** The assessment's record as the server keeps it (packages/storage/src/records.ts). */
export const assessmentRecord = z.object({
  id: z.string(),
  title: z.string(),
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  scope: z.enum(['strategic', 'operational']),
  workstream: z.string(),
  createdAt: isoTime,
  previousAssessmentId: z.string().nullable(),
  reviewClosedAt: isoTime.nullable(),
  publication: z
    .object({ publishedAt: isoTime, withdrawnAt: isoTime.nullable(), content: z.unknown() })
    .nullable(),
  groups: z.array(groupRecord).optional(),
  retentionDays: z.number().optional(),
  organisationId: z.string().optional(),
  plan: z
    .object({
      place: z.string().nullable(),
      areaIds: z.array(z.string()),
      horizon: z.enum(['looking-back', 'looking-forward']),
      sessionDates: z.array(z.string()),
    })
    .optional(),
})

export const issuedInvite = z.object({
  id: z.string(),
  token: z.string(),
  path: z.string(),
  role: roleSchema,
  expiresAt: isoTime,
  groups: z.array(z.string()).optional(),
})

/** An invite without its token (what the chair's list shows). */
export const inviteSummary = z.object({
  id: z.string(),
  assessmentId: z.string(),
  role: roleSchema,
  createdAt: isoTime,
  expiresAt: isoTime,
  revokedAt: isoTime.nullable(),
  createdBy: z.string().nullable(),
  groups: z.array(z.string()).optional(),
})

export const createAssessmentBody = z.strictObject({
  title: personText('Title', 200),
  frameworkId: z.string().max(64),
  scope: scopeSchema,
  workstream: personText('Workstream', 200),
  previousAssessmentId: idParam.optional(),
  /** The owning organisation; absent: the previous assessment's, else the default organisation. */
  organisationId: idParam.optional(),
})
export const createdAssessment = z.object({ assessment: assessmentRecord, chairInvite: issuedInvite })

export const anonymousNameResponse = z.object({ alias: z.string() })

export const participantSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  group: z.string().nullable(),
  role: roleSchema,
  joinedAt: isoTime,
})
export const assessmentDetail = z.object({
  assessment: assessmentRecord.extend({ groups: z.array(groupRecord) }),
  participants: z.array(participantSummary),
})

export const createInviteBody = z.strictObject({
  role: roleSchema,
  expiresInDays: z.number().int().min(1).max(90).default(14),
  // One group fixes it, several offer a choice, none (for a chair) means facilitating with no group.
  groups: z.array(stakeholderGroupSchema).max(MAX_GROUPS).optional(),
})
export const inviteParams = z.object({ assessmentId: idParam, inviteId: idParam })
export const inviteListResponse = z.array(inviteSummary)
