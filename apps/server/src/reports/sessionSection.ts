import type { FeedbackScores } from '../sessionFeedback/summariseFeedback.ts'
import type { ReportSession } from './sessionRecord.ts'

/** A piece of the sessions section, for each renderer to draw in its own format. */
export type SectionBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][] }
  | { kind: 'list'; items: string[] }

export const SESSIONS_TITLE = 'Sessions: who came and whether they felt heard'

const when = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
})
const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' })
const score = (s: FeedbackScores | null, key: keyof FeedbackScores) => (s ? s[key].toFixed(1) : 'Not shown')

/**
 * The words of the chair's sessions section, once for every format (page, Word, Markdown): who came
 * to each session and what people said when asked whether they felt heard.
 */
export function sessionSection(sessions: readonly ReportSession[], threshold: number): SectionBlock[] {
  const blocks: SectionBlock[] = [
    {
      kind: 'paragraph',
      text: `Only the chair’s copy of the report has this section. Answers to “Did you feel heard?” are anonymous: a group’s answers are shown only when at least ${threshold} of its people answered, in the chair’s copy too. Scores are averages from 1 (not at all) to 5 (completely).`,
    },
  ]
  if (!sessions.length) blocks.push({ kind: 'paragraph', text: 'No session has been run on this board.' })
  const answered = sessions.filter((s) => s.feedback)
  if (answered.length > 1)
    blocks.push({
      kind: 'table',
      caption: 'Session by session: did everyone feel heard?',
      header: ['Session', 'Answered', 'Felt heard (out of 5)', 'Could say what they thought (out of 5)'],
      rows: answered.map((s) => [
        `Session ${s.number}`,
        String(s.feedback!.answered),
        score(s.feedback!.overall, 'heard'),
        score(s.feedback!.overall, 'spoke'),
      ]),
    })
  for (const s of sessions) {
    const start = new Date(s.startedAt)
    const end = s.endedAt ? ` to ${time.format(new Date(s.endedAt))}` : ' (still running)'
    blocks.push({ kind: 'heading', text: `Session ${s.number}: ${when.format(start)}${end}` })
    blocks.push({
      kind: 'paragraph',
      text: `${s.attendance.length} ${s.attendance.length === 1 ? 'person came' : 'people came'}${s.attendance.length ? ':' : '.'}`,
    })
    if (s.attendance.length) blocks.push({ kind: 'list', items: s.attendance })
    const f = s.feedback
    if (!f) continue
    blocks.push({
      kind: 'table',
      caption: `Did people feel heard in session ${s.number}?`,
      header: ['Group', 'Answered', 'Felt heard (out of 5)', 'Could say what they thought (out of 5)'],
      rows: [
        ...f.groups.map((g) => [
          g.label,
          String(g.answered),
          score(g.scores, 'heard'),
          score(g.scores, 'spoke'),
        ]),
        ['Everyone', String(f.answered), score(f.overall, 'heard'), score(f.overall, 'spoke')],
      ],
    })
    if (f.help.length) {
      blocks.push({ kind: 'paragraph', text: 'What would help next time:' })
      blocks.push({ kind: 'list', items: f.help })
    } else
      blocks.push({
        kind: 'paragraph',
        text: `What would help next time is shown once at least ${threshold} people have answered, and someone has written something.`,
      })
  }
  return blocks
}
