/** The answers on both scales, in order: what each number means, as every page and report reads it. */
export const SCALE_LABELS = ['Not at all', 'A little', 'Partly', 'Mostly', 'Completely'] as const

/** The questions as people read them after a session; the web app shows the same words. */
export const FEEDBACK_QUESTIONS = {
  heard: 'Did you feel heard in this session?',
  spoke: 'Could you say what you thought?',
  help: 'What would help you take part next time? (optional)',
} as const

export type { FeedbackAnswer } from '@co-assess/api-contract'
/** One person's answer as it arrives: the API contract owns its schema. */
export { feedbackAnswerBody as feedbackAnswerSchema } from '@co-assess/api-contract'
