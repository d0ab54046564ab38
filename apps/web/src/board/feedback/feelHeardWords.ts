/** The words of "Did you feel heard?", as the server's questions (apps/server/src/sessionFeedback/feedbackQuestions.ts). */
export const SCALE_LABELS = ['Not at all', 'A little', 'Partly', 'Mostly', 'Completely'] as const

export const QUESTIONS = {
  heard: 'Did you feel heard in this session?',
  spoke: 'Could you say what you thought?',
  help: 'What would help you take part next time? (optional)',
} as const
