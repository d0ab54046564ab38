import { z } from 'zod'

/** The answers on both scales, in order: what each number means, as every page and report reads it. */
export const SCALE_LABELS = ['Not at all', 'A little', 'Partly', 'Mostly', 'Completely'] as const

/** The questions as people read them after a session; the web app shows the same words. */
export const FEEDBACK_QUESTIONS = {
  heard: 'Did you feel heard in this session?',
  spoke: 'Could you say what you thought?',
  help: 'What would help you take part next time? (optional)',
} as const

const scale = (field: string) =>
  z
    .number({ error: `"${field}" must be a number from 1 (not at all) to 5 (completely)` })
    .int(`"${field}" must be a whole number from 1 to 5`)
    .min(1, `"${field}" must be from 1 (not at all) to 5 (completely)`)
    .max(5, `"${field}" must be from 1 (not at all) to 5 (completely)`)

/** One person's answer as it arrives: two scales and an optional sentence. */
export const feedbackAnswerSchema = z.strictObject({
  heard: scale('heard'),
  spoke: scale('spoke'),
  help: z
    .string({ error: '"help" must be text' })
    .trim()
    .max(1000, '"help" must be 1000 characters or fewer')
    .refine((s) => !/\p{Cc}/u.test(s.replace(/[\n\r\t]/g, ' ')), '"help" must not contain control characters')
    .optional(),
})
export type FeedbackAnswer = z.infer<typeof feedbackAnswerSchema>
