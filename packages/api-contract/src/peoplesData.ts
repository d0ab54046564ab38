import { groupIdSchema } from '@co-assess/board-model'
import { z } from 'zod'
import { idParam, isoTime } from './fields.ts'

export const groupsBody = z.strictObject({
  groups: z
    .array(z.strictObject({ id: groupIdSchema.optional(), label: z.string().max(200) }))
    .min(1, 'an assessment needs at least one group')
    .max(12, 'an assessment has at most 12 groups'),
})
export const groupsResponse = z.object({ groups: z.array(z.object({ id: z.string(), label: z.string() })) })

export const retentionBody = z.strictObject({
  days: z
    .number({ error: '"days" must be a whole number of days, or null' })
    .int('"days" must be a whole number of days')
    .min(1, 'keep it for at least 1 day')
    .max(3650, 'keep it for at most 3650 days (10 years)')
    .nullable(),
})
export const retentionResponse = z.object({
  retentionDays: z.number().nullable(),
  deleteAt: isoTime.nullable(),
})

export const personParams = z.object({ assessmentId: idParam, personId: idParam })
export const eraseResponse = z.object({ erased: z.array(z.string()) })

export const deleteAssessmentBody = z.strictObject({
  confirmTitle: z.string({ error: 'Send "confirmTitle": the assessment\'s title, to confirm' }).max(200),
})
export const deletedResponse = z.object({ deleted: z.string() })

export const equalityQuestion = z.object({
  id: z.string(),
  question: z.string(),
  hint: z.string().optional(),
  options: z.array(z.object({ id: z.string(), label: z.string() })).readonly(),
})
export const equalityQuestionsResponse = z.object({ questions: z.array(equalityQuestion) })
export const equalityStored = z.object({ stored: z.literal(true) })

/** A count as an output shows it: exact, or "fewer than N" below the small-number threshold. */
export const shownCount = z.union([z.number(), z.string()])
export const equalitySummary = z.object({
  respondents: shownCount,
  threshold: z.number(),
  questions: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      counts: z.array(z.object({ id: z.string(), label: z.string(), count: shownCount })),
    }),
  ),
})
