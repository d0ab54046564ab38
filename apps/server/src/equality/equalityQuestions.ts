import { z } from 'zod'

export const PREFER_NOT_TO_SAY = 'prefer-not-to-say'

export interface EqualityQuestion {
  id: string
  question: string
  hint?: string
  options: ReadonlyArray<{ id: string; label: string }>
}

const prefer = { id: PREFER_NOT_TO_SAY, label: 'Prefer not to say' } as const

/**
 * The optional equality monitoring questions, with the categories the ONS used in Census 2021 (age in
 * the six bands of its published tables, the five high-level ethnic groups, disability as the
 * Equality Act defines it, unpaid care in its four bands), so a chair can set the room beside the
 * census figures for the communities the ICS serves. Every question offers "Prefer not to say",
 * and every question may be left unanswered.
 */
export const EQUALITY_QUESTIONS: readonly EqualityQuestion[] = [
  {
    id: 'age',
    question: 'What is your age?',
    options: [
      { id: 'under-16', label: 'Under 16' },
      { id: '16-24', label: '16 to 24' },
      { id: '25-34', label: '25 to 34' },
      { id: '35-49', label: '35 to 49' },
      { id: '50-64', label: '50 to 64' },
      { id: '65-plus', label: '65 or over' },
      prefer,
    ],
  },
  {
    id: 'sex',
    question: 'What is your sex?',
    options: [{ id: 'female', label: 'Female' }, { id: 'male', label: 'Male' }, prefer],
  },
  {
    id: 'gender-identity',
    question: 'Is the gender you identify with the same as your sex registered at birth?',
    options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }, prefer],
  },
  {
    id: 'ethnic-group',
    question: 'What is your ethnic group?',
    options: [
      { id: 'asian', label: 'Asian, Asian British or Asian Welsh' },
      { id: 'black', label: 'Black, Black British, Black Welsh, Caribbean or African' },
      { id: 'mixed', label: 'Mixed or multiple ethnic groups' },
      { id: 'white', label: 'White' },
      { id: 'other', label: 'Other ethnic group' },
      prefer,
    ],
  },
  {
    id: 'disability',
    question:
      'Do you have a physical or mental health condition or illness lasting, or expected to last, 12 months or more that reduces your ability to carry out day-to-day activities?',
    hint: 'This is how the Equality Act 2010 and the census describe disability.',
    options: [
      { id: 'limited-a-lot', label: 'Yes, a lot' },
      { id: 'limited-a-little', label: 'Yes, a little' },
      { id: 'not-disabled', label: 'No' },
      prefer,
    ],
  },
  {
    id: 'unpaid-carer',
    question:
      'Do you look after, or give help or support to, anyone because of a long-term condition, illness or problems related to old age? If so, for how many hours a week?',
    options: [
      { id: 'no', label: 'No' },
      { id: '19-or-less', label: 'Yes, 19 hours or less' },
      { id: '20-to-49', label: 'Yes, 20 to 49 hours' },
      { id: '50-or-more', label: 'Yes, 50 hours or more' },
      prefer,
    ],
  },
]

/** The answers a person may send: any question left out, each answered only with one of its options. */
export const equalityAnswersSchema = z.strictObject(
  Object.fromEntries(
    EQUALITY_QUESTIONS.map((q) => [
      q.id,
      z
        .enum(q.options.map((o) => o.id) as [string, ...string[]], {
          error: `"${q.id}" must be one of: ${q.options.map((o) => o.id).join(', ')}`,
        })
        .optional(),
    ]),
  ),
)
