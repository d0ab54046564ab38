import { z } from 'zod'
import { idParam } from './fields.ts'
import { shownCount } from './peoplesData.ts'

export const sessionParams = z.object({ assessmentId: idParam, sessionId: idParam })

const scale = (field: string) =>
  z
    .number({ error: `"${field}" must be a number from 1 (not at all) to 5 (completely)` })
    .int(`"${field}" must be a whole number from 1 to 5`)
    .min(1, `"${field}" must be from 1 (not at all) to 5 (completely)`)
    .max(5, `"${field}" must be from 1 (not at all) to 5 (completely)`)

/** One person's answer to "Did you feel heard?" as it arrives: two scales and an optional sentence. */
export const feedbackAnswerBody = z.strictObject({
  heard: scale('heard'),
  spoke: scale('spoke'),
  help: z
    .string({ error: '"help" must be text' })
    .trim()
    .max(1000, '"help" must be 1000 characters or fewer')
    .refine((s) => !/\p{Cc}/u.test(s.replace(/[\n\r\t]/g, ' ')), '"help" must not contain control characters')
    .optional(),
})

export const feedbackState = z.object({
  canAnswer: z.boolean(),
  answered: z.boolean(),
  reason: z.string().nullable(),
})
export const feedbackStored = z.object({ stored: z.literal(true) })

const scores = z.object({ heard: z.number(), spoke: z.number() }).nullable()
/** The chair's summary by session and group, small groups suppressed. */
export const feedbackSummary = z.object({
  threshold: z.number(),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      number: z.number(),
      startedAt: z.number(),
      endedAt: z.number().nullable(),
      answered: shownCount,
      groups: z.array(z.object({ group: z.string(), label: z.string(), answered: shownCount, scores })),
      overall: scores,
      help: z.array(z.string()),
    }),
  ),
})
