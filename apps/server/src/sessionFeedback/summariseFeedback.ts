import { type GroupDef, groupLabel, type Session } from '@co-assess/board-model'
import type { SessionFeedback } from '@co-assess/storage'
import { type ShownCount, showTotalAndParts } from '../reports/smallNumbers.ts'

/** Average answers on the two scales, 1 (not at all) to 5 (completely), to one decimal place. */
export interface FeedbackScores {
  heard: number
  spoke: number
}

export interface SessionFeedbackSummary {
  sessionId: string
  /** 1 for the board's first session, in the order they started. */
  number: number
  startedAt: number
  endedAt: number | null
  answered: ShownCount
  groups: Array<{ group: string; label: string; answered: ShownCount; scores: FeedbackScores | null }>
  /** Everyone's averages, when they cannot be used to work out a suppressed group's. */
  overall: FeedbackScores | null
  /** What would help next time, with no group, in alphabetical order; empty while too few answered. */
  help: string[]
}

export interface FeedbackSummary {
  threshold: number
  sessions: SessionFeedbackSummary[]
}

const average = (values: readonly number[]) =>
  Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10
const scoresOf = (answers: readonly SessionFeedback[]): FeedbackScores => ({
  heard: average(answers.map((a) => a.heard)),
  spoke: average(answers.map((a) => a.spoke)),
})

/**
 * "Did you feel heard?" by session and group, as even the chair sees it: the answers are anonymous,
 * so a group's answers are shown only when at least `threshold` of its people answered (one person's
 * answer must not be read off a group of one, chair or not). Everyone's averages are shown only when
 * the suppressed groups together are none or themselves at least the threshold, so subtracting the
 * shown groups cannot reveal them. Free text carries no group and is shown only once the session
 * has at least `threshold` answers; `text` is the names redaction it passes through.
 */
export function summariseFeedback(
  answers: readonly SessionFeedback[],
  sessions: readonly Session[],
  groups: readonly GroupDef[],
  threshold: number,
  text: (value: string) => string,
): FeedbackSummary {
  const rule = { threshold }
  const ordered = [...sessions].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1))
  const summaries = ordered.flatMap((session, index): SessionFeedbackSummary[] => {
    if (session.endedAt === null) return []
    const mine = answers.filter((a) => a.sessionId === session.id)
    const groupIds = [...groups.map((g) => g.id)]
    for (const a of mine) if (!groupIds.includes(a.group)) groupIds.push(a.group)
    const byGroup = groupIds.map((id) => mine.filter((a) => a.group === id))
    const counts = showTotalAndParts(
      mine.length,
      byGroup.map((g) => g.length),
      rule,
    )
    const suppressed = byGroup.filter((g) => g.length < threshold).reduce((n, g) => n + g.length, 0)
    const enough = mine.length >= threshold
    return [
      {
        sessionId: session.id,
        number: index + 1,
        startedAt: session.startedAt,
        endedAt: session.endedAt,
        answered: counts.total,
        groups: groupIds.map((id, i) => ({
          group: id,
          label: groupLabel(groups, id),
          answered: counts.parts[i]!,
          scores: byGroup[i]!.length >= threshold ? scoresOf(byGroup[i]!) : null,
        })),
        overall: enough && (suppressed === 0 || suppressed >= threshold) ? scoresOf(mine) : null,
        help: enough
          ? mine.flatMap((a) => (a.help ? [text(a.help)] : [])).sort((a, b) => a.localeCompare(b, 'en-GB'))
          : [],
      },
    ]
  })
  return { threshold, sessions: summaries }
}
