import { groupListSchema } from '@co-assess/board-model'
import { z } from 'zod'
import { assessmentRecord, horizonSchema, scopeSchema } from './assessments.ts'
import { idParam, isoTime, personText } from './fields.ts'
import { joinResult } from './invites.ts'
import { reassessBody } from './reports.ts'
import { staffRoleSchema, staffView } from './staff.ts'

export const placesSchema = z
  .array(personText('Place', 120))
  .max(50, 'An organisation can have up to 50 Places')

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  places: z.array(z.string()),
  createdAt: isoTime,
})
export const createOrganisationBody = z.strictObject({
  name: personText('Name', 200),
  places: placesSchema.default([]),
})
export const updateOrganisationBody = z.strictObject({ name: personText('Name', 200), places: placesSchema })
export const staffInviteBody = z.strictObject({ role: staffRoleSchema })
export const staffList = z.array(
  staffView.pick({ id: true, name: true, role: true }).extend({ signsInWithProvider: z.boolean() }),
)

/** Where an assessment stands, for the staff home page. */
export const standing = z.object({
  areasInScope: z.number(),
  /** Areas in scope with an agreed level (including "not assessed", which is a decision too). */
  areasAgreed: z.number(),
  openActions: z.number(),
  notFedBack: z.number(),
  nextSession: z.string().nullable(),
})
export const organisationAssessment = z.object({
  id: z.string(),
  title: z.string(),
  workstream: z.string(),
  frameworkId: z.string(),
  createdAt: isoTime,
  previousAssessmentId: z.string().nullable(),
  place: z.string().nullable(),
  scope: z.enum(['strategic', 'operational']),
  horizon: z.enum(['looking-back', 'looking-forward']).nullable(),
  standing: standing.nullable(),
})
export const organisationAssessments = z.object({ assessments: z.array(organisationAssessment) })

const levelsByArea = z.record(z.string(), z.string())
export const workstreamHistory = z.object({
  workstream: z.string(),
  frameworkId: z.string(),
  assessments: z.array(
    z.object({ id: z.string(), title: z.string(), createdAt: isoTime, levels: levelsByArea }),
  ),
})
export const organisationHistory = z.object({ workstreams: z.array(workstreamHistory) })

export const placeLevels = z.object({
  place: z.string(),
  assessmentId: z.string(),
  title: z.string(),
  createdAt: isoTime,
  levels: levelsByArea,
})
export const organisationPlaces = z.object({
  frameworks: z.array(z.object({ frameworkId: z.string(), places: z.array(placeLevels) })),
})

export const planBody = z.strictObject({
  title: personText('Title', 200),
  frameworkId: z.string().max(64),
  workstream: personText('Workstream', 200),
  place: personText('Place', 120).nullable(),
  areaIds: z
    .array(z.string().regex(/^[a-z0-9-]{1,16}$/, 'is not an area id'))
    .min(1, 'Choose at least one area to assess')
    .max(200),
  scope: scopeSchema,
  horizon: horizonSchema,
  sessionDates: z
    .array(z.iso.date('Session dates must be dates (YYYY-MM-DD)'))
    .max(20, 'Up to 20 session dates'),
  groups: groupListSchema.optional(),
})
export const plannedAssessment = z.object({ assessment: assessmentRecord, chair: joinResult })

export const staffAssessmentParams = z.object({ assessmentId: idParam })
export const staffReassessBody = reassessBody
export const staffReassessment = z.object({
  assessment: assessmentRecord,
  carriedForward: z.number(),
  chair: joinResult,
})
