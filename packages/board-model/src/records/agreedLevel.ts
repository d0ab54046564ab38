import { z } from 'zod'
import { entityIdSchema, levelIdSchema } from '../ids.ts'
import { shortText } from './fields.ts'

/** Levels a chair can record: the framework's own, plus two that sit outside it. */
export const NOT_YET = 'not-yet' as const
export const NOT_ASSESSED = 'not-assessed' as const
export const recordedLevelSchema = z.union([z.literal(NOT_YET), z.literal(NOT_ASSESSED), levelIdSchema])

export const agreedLevelSchema = z.strictObject({
  level: recordedLevelSchema,
  rationale: shortText(5000),
  dissent: shortText(5000),
  recordedBy: entityIdSchema,
  at: z.number().int().nonnegative(),
  sessionId: entityIdSchema.nullable(),
})
export type AgreedLevel = z.infer<typeof agreedLevelSchema>
