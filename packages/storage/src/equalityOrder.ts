import type { EqualityAnswers } from './records.ts'

/** The answers' own content, keys sorted, so the order they are listed in is the same in every store and says nothing about when each was given. */
const canonical = (answers: EqualityAnswers) =>
  JSON.stringify(
    Object.keys(answers)
      .sort()
      .map((key) => [key, answers[key]]),
  )

export const byAnswers = (a: EqualityAnswers, b: EqualityAnswers): number => {
  const x = canonical(a)
  const y = canonical(b)
  return x < y ? -1 : x > y ? 1 : 0
}
