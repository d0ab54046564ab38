import type { EqualityAnswers } from '@co-assess/storage'
import { type ShownCount, showCount } from '../reports/smallNumbers.ts'
import { EQUALITY_QUESTIONS } from './equalityQuestions.ts'

export interface EqualitySummary {
  /** How many people answered at all; "fewer than N" below the threshold. */
  respondents: ShownCount
  threshold: number
  /** Empty while fewer people answered than the threshold: any breakdown of so few would point at someone. */
  questions: Array<{
    id: string
    question: string
    counts: Array<{ id: string; label: string; count: ShownCount }>
  }>
}

/**
 * The equality answers in aggregate, as the chair sees them. Every count below the threshold reads
 * "fewer than N", and when only one count of a question is suppressed, the next smallest is
 * withheld too ("not shown"): otherwise it could be worked out from the number who answered.
 * "Not answered" is a count like any other, for the same reason.
 */
export function summariseEquality(answers: readonly EqualityAnswers[], threshold: number): EqualitySummary {
  const rule = { threshold }
  const respondents = showCount(answers.length, rule)
  if (answers.length < threshold) return { respondents, threshold, questions: [] }
  return {
    respondents,
    threshold,
    questions: EQUALITY_QUESTIONS.map((q) => {
      const options = [...q.options, { id: 'not-answered', label: 'Not answered' }]
      const raw = options.map((o) => ({
        id: o.id,
        label: o.label,
        n: answers.filter((a) => (a[q.id] ?? 'not-answered') === o.id).length,
      }))
      const shown: ShownCount[] = raw.map((r) => showCount(r.n, rule))
      // Zero is suppressed too: "fewer than 3" for an empty category keeps the rule simple and safe.
      const suppressed = shown.filter((s) => typeof s !== 'number').length
      if (suppressed === 1) {
        const next = raw
          .map((r, i) => ({ n: r.n, i }))
          .filter(({ i }) => typeof shown[i] === 'number')
          .sort((a, b) => a.n - b.n)[0]
        if (next) shown[next.i] = 'not shown'
      }
      return {
        id: q.id,
        question: q.question,
        counts: raw.map((r, i) => ({ id: r.id, label: r.label, count: shown[i]! })),
      }
    }),
  }
}
