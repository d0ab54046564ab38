import { describe, expect, it } from 'vitest'
import type { SessionFeedbackSummary } from '../sessionFeedback/summariseFeedback.ts'
import type { ReportSession } from './sessionRecord.ts'
import { sessionSection } from './sessionSection.ts'

const feedback = (sessionId: string, overall: SessionFeedbackSummary['overall']): SessionFeedbackSummary => ({
  sessionId,
  number: 1,
  startedAt: 0,
  endedAt: 1,
  answered: overall ? 4 : 'not shown',
  groups: [
    { group: 'ics', label: 'ICS', answered: 3, scores: { heard: 4, spoke: 3.3 } },
    { group: 'vcse', label: 'VCSE', answered: 'fewer than 3', scores: null },
  ],
  overall,
  help: overall ? ['Papers a week before'] : [],
})
const session = (number: number, change: Partial<ReportSession> = {}): ReportSession => ({
  number,
  startedAt: '2026-03-02T10:00:00.000Z',
  endedAt: '2026-03-02T11:30:00.000Z',
  attendance: ['Ana Able (Hull ICB)', 'Vic Vance (Hull CVS)'],
  feedback: null,
  ...change,
})

describe('sessionSection', () => {
  it('says who came to each session, what people said, and compares the sessions', () => {
    const blocks = sessionSection(
      [
        session(1, { feedback: feedback('a', null) }),
        session(2, { feedback: feedback('b', { heard: 4.2, spoke: 3.9 }) }),
        session(3, { endedAt: null }),
      ],
      3,
    )
    const text = JSON.stringify(blocks)
    expect(blocks).toContainEqual({
      kind: 'table',
      caption: 'Session by session: did everyone feel heard?',
      header: ['Session', 'Answered', 'Felt heard (out of 5)', 'Could say what they thought (out of 5)'],
      rows: [
        ['Session 1', 'not shown', 'Not shown', 'Not shown'],
        ['Session 2', '4', '4.2', '3.9'],
      ],
    })
    expect(blocks).toContainEqual({ kind: 'heading', text: 'Session 1: 2 March 2026 at 10:00 to 11:30' })
    expect(blocks).toContainEqual({
      kind: 'heading',
      text: 'Session 3: 2 March 2026 at 10:00 (still running)',
    })
    expect(blocks).toContainEqual({ kind: 'list', items: ['Ana Able (Hull ICB)', 'Vic Vance (Hull CVS)'] })
    expect(blocks).toContainEqual(
      expect.objectContaining({
        rows: expect.arrayContaining([['VCSE', 'fewer than 3', 'Not shown', 'Not shown']]),
      }),
    )
    expect(blocks).toContainEqual({ kind: 'list', items: ['Papers a week before'] })
    expect(text).toContain('at least 3 of its people answered')
  })

  it('says so when no session has run', () => {
    expect(sessionSection([], 3)).toContainEqual({
      kind: 'paragraph',
      text: 'No session has been run on this board.',
    })
  })
})
