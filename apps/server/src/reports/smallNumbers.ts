/**
 * Small-number suppression, as NHS statistics practice does it: outside the chair's own report, a
 * count of people below the threshold reads "fewer than 3", so "Lived experience: 1 of 1" cannot
 * show what one person thought.
 */
export const DEFAULT_SMALL_NUMBER_THRESHOLD = 3

/** A count as an output may show it: exact, "fewer than N", or withheld so a suppressed part cannot be worked out. */
export type ShownCount = number | `fewer than ${number}` | 'not shown'

export interface CountRule {
  /** Counts below this read "fewer than …"; 0 shows every count exactly (the chair's report). */
  threshold: number
}

export function showCount(n: number, rule: CountRule): ShownCount {
  return n < rule.threshold ? `fewer than ${rule.threshold}` : n
}

/**
 * A total and its parts (all people, and each stakeholder group). When a part is suppressed, a
 * total shown exactly would let anyone subtract the other parts and recover it, so the total is
 * withheld too ("not shown", or "fewer than …" when it is itself small).
 */
export function showTotalAndParts(
  total: number,
  parts: readonly number[],
  rule: CountRule,
): { total: ShownCount; parts: ShownCount[] } {
  const shownParts = parts.map((n) => showCount(n, rule))
  const anySuppressed = shownParts.some((p) => typeof p !== 'number')
  const shownTotal = showCount(total, rule)
  return {
    total: anySuppressed && typeof shownTotal === 'number' ? 'not shown' : shownTotal,
    parts: shownParts,
  }
}

/** "4 of 7", "fewer than 3 of 5": how a shown count and its base read in every report. */
export const countOf = (part: ShownCount, whole: ShownCount): string => `${part} of ${whole}`
