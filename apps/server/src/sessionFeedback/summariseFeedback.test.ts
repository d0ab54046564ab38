import { DEFAULT_GROUPS, type Session } from '@co-assess/board-model'
import type { SessionFeedback } from '@co-assess/storage'
import { describe, expect, it } from 'vitest'
import { summariseFeedback } from './summariseFeedback.ts'

const session = (id: string, startedAt: number, endedAt: number | null): Session => ({
  id,
  startedAt,
  endedAt,
  startedBy: 'chair-1',
  attendance: [],
})
const a = (
  group: string,
  heard: number,
  spoke: number,
  help: string | null = null,
  sessionId = 'first',
): SessionFeedback => ({
  sessionId,
  group,
  heard,
  spoke,
  help,
})
const upper = (text: string) => text.toUpperCase()

describe('summariseFeedback', () => {
  it('shows a group’s averages only from the threshold up, and everyone’s only when no suppressed group could be worked out', () => {
    const sessions = [
      session('second', 2000, 3000),
      session('first', 1000, 1500),
      session('running', 4000, null),
    ]
    const answers = [
      a('ics', 5, 4, 'more time'),
      a('ics', 4, 4),
      a('ics', 3, 1),
      a('vcse', 1, 1, 'papers earlier'),
      a('vcse', 2, 2, null, 'second'),
      a('vcse', 2, 3, null, 'second'),
      a('lived-experience', 4, 5, null, 'second'),
      a('lived-experience', 4, 5, null, 'second'),
      a('lived-experience', 5, 5, null, 'second'),
      a('ics', 3, 2, null, 'second'),
    ]
    const { sessions: out } = summariseFeedback(answers, sessions, DEFAULT_GROUPS, 3, upper)
    // Ended sessions only, numbered in the order they started.
    expect(out.map((s) => [s.sessionId, s.number])).toEqual([
      ['first', 1],
      ['second', 2],
    ])
    const [first, second] = out
    expect(first!.groups.map((g) => [g.group, g.answered, g.scores])).toEqual([
      ['ics', 3, { heard: 4, spoke: 3 }],
      ['vcse', 'fewer than 3', null],
      ['lived-experience', 'fewer than 3', null],
    ])
    // One VCSE answer is suppressed: everyone's total and averages would give it away.
    expect(first!.answered).toBe('not shown')
    expect(first!.overall).toBeNull()
    // Four answers in the session: the sentences are shown, with no group, in alphabetical order, through the redaction.
    expect(first!.help).toEqual(['MORE TIME', 'PAPERS EARLIER'])
    // Suppressed groups together hold three answers: everyone's averages no longer single anyone out.
    expect(second!.groups.find((g) => g.group === 'vcse')!.scores).toBeNull()
    expect(second!.overall).toEqual({ heard: 3.3, spoke: 3.7 })
  })

  it('shows nothing but "fewer than" while too few have answered', () => {
    const { sessions } = summariseFeedback(
      [a('ics', 5, 5, 'lovely')],
      [session('first', 1, 2)],
      DEFAULT_GROUPS,
      3,
      upper,
    )
    expect(sessions[0]).toMatchObject({ answered: 'fewer than 3', overall: null, help: [] })
    expect(sessions[0]!.groups.every((g) => g.scores === null)).toBe(true)
  })
})
