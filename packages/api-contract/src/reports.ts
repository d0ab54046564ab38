import { entityIdSchema } from '@co-assess/board-model'
import { z } from 'zod'
import { assessmentRecord, issuedInvite } from './assessments.ts'
import { isoTime, personText } from './fields.ts'

/** A report is read with a bearer token, or with a report link's `?access=`; a chair may ask for names. */
export const readQuery = z.object({
  access: z.string().max(2000).optional(),
  names: z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional(),
})
export const accessQuery = readQuery.pick({ access: true })

/** Plain report links with a short-lived `?access=` (chairs and participants). */
export const reportLinks = z.object({
  access: z.string(),
  expiresAt: isoTime,
  links: z.object({
    report: z.string(),
    docx: z.string(),
    markdown: z.string(),
    itemsCsv: z.string(),
    actionsCsv: z.string(),
    evidenceCsv: z.string(),
    comparison: z.string(),
    /** The chair's alone. */
    reportWithNames: z.string().optional(),
    exportJson: z.string().optional(),
  }),
})

const thresholdError = { error: 'must be a whole number from 1 to 20' }
export const smallNumbersBody = z.strictObject({
  threshold: z.number(thresholdError).int(thresholdError).min(1, thresholdError).max(20, thresholdError),
})
export const smallNumbersResponse = z.object({ threshold: z.number() })

export const publicationState = z.object({
  published: z.boolean(),
  path: z.string().nullable(),
  publishedAt: isoTime.nullable(),
  withdrawnAt: isoTime.nullable(),
  actionCount: z.number(),
})

export const publishBody = z.strictObject({
  actionIds: z.array(entityIdSchema).max(500),
  /** Possible names the chair has checked and confirmed may stand (ids from the preview). */
  confirmedNames: z.array(z.string().max(200)).max(2000).default([]),
})

/** A word in the previewed public page that may still name someone on the board. */
export const possibleName = z.object({
  /** Stable while the text is unchanged: the chair confirms flags by id. */
  id: z.string(),
  actionId: z.string(),
  field: z.enum(['youSaid', 'weDid', 'whatChanged', 'droppedReason']),
  word: z.string(),
})

/** One action as the public page shows it. */
export const publicItem = z.object({
  youSaid: z.string(),
  weDid: z.string(),
  whatChanged: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  droppedReason: z.string().optional(),
  areas: z.array(z.object({ id: z.string(), title: z.string() })),
})

/** The public page as the public would see it, before it is published. */
export const publicationPreview = z.object({
  items: z.array(publicItem.extend({ actionId: z.string() })),
  possibleNames: z.array(possibleName),
})

export const published = z.object({
  publicId: z.string(),
  path: z.string(),
  publishedAt: isoTime,
  actionCount: z.number(),
})
export const withdrawn = z.object({ publicId: z.string(), path: z.string(), withdrawnAt: isoTime })
export const publicPageParams = z.object({ publicId: z.string().max(64) })

export const reassessBody = z.strictObject({ title: personText('Title', 200).optional() }).nullish()
export const reassessment = z.object({
  assessment: assessmentRecord,
  chairInvite: issuedInvite,
  carriedForward: z.number(),
})
