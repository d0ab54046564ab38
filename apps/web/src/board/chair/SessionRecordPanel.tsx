import { identityOf, type Person, roleLabels, type Session } from '@co-assess/board-model'
import { useEffect, useState } from 'react'
import { type FeedbackSummary, getFeedbackSummary } from '../../api/sessionFeedbackEndpoints.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { shortGroupLabel } from '../groupLabels.ts'

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' })
const clock = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' })
/** How often the chair's board asks for new answers while a session's answers may still come in. */
const POLL_MS = 4000

/** Who came to a session, one entry per person however many devices they joined from. */
function whoCame(session: Session, people: ReadonlyMap<string, Person>): Person[] {
  const seen = new Map<string, Person>()
  for (const id of session.attendance) {
    const person = people.get(id)
    if (person && !seen.has(identityOf(person))) seen.set(identityOf(person), person)
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
}

/**
 * The chair's record of each session: who came (names, from the board everyone in the room shares)
 * and whether people felt heard (from the server, suppressed by group). The answers are fetched
 * from the chair-only route every few seconds rather than written into the board: the board is read
 * by everyone on it, and the answers, even counted, are the chair's alone.
 */
export function SessionRecordPanel() {
  const { assessment, view, keeper } = useBoardContext()
  const [summary, setSummary] = useState<FeedbackSummary | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const ended = view.sessions.filter((s) => s.endedAt !== null).length

  useEffect(() => {
    if (ended === 0) return
    const controller = new AbortController()
    const load = async () => {
      if (document.hidden) return
      try {
        setSummary(await getFeedbackSummary(assessment.id, await keeper.token(), controller.signal))
        setProblem(null)
      } catch (error) {
        if ((error as Error).name !== 'AbortError')
          setProblem('The answers could not be fetched just now; this page tries again by itself.')
      }
    }
    void load()
    const timer = setInterval(load, POLL_MS)
    return () => {
      clearInterval(timer)
      controller.abort()
    }
  }, [ended, assessment.id, keeper])

  if (view.sessions.length === 0) return null
  return (
    <div className="co-console__group co-session-record" data-testid="session-record">
      <h3 className="nhsuk-heading-s">Sessions: who came and whether they felt heard</h3>
      <p>
        People who came for a group are asked, when you end a session, whether they felt heard. Answers carry
        no name; a group’s answers show only when at least {summary?.threshold ?? 3} of its people answered.
        Scores are averages from 1 (not at all) to 5 (completely).
      </p>
      {problem ? <p className="nhsuk-error-message">{problem}</p> : null}
      {summary && summary.sessions.length > 1 ? <SessionComparison summary={summary} /> : null}
      {view.sessions.map((session, index) => {
        const came = whoCame(session, view.people)
        const feedback = summary?.sessions.find((s) => s.sessionId === session.id)
        return (
          <section
            key={session.id}
            aria-labelledby={`session-${session.id}`}
            className="co-session-record__session"
          >
            <h4 className="nhsuk-heading-xs" id={`session-${session.id}`}>
              Session {index + 1}: {when.format(session.startedAt)}
              {session.endedAt === null ? ' (running now)' : ` to ${clock.format(session.endedAt)}`}
            </h4>
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  {came.length} {came.length === 1 ? 'person' : 'people'} came
                </span>
              </summary>
              <div className="nhsuk-details__text">
                <ul className="nhsuk-list">
                  {came.map((p) => (
                    <li key={p.id}>
                      {p.name}
                      {p.organisation ? `, ${p.organisation}` : ''} (
                      {p.role === 'participant' ? shortGroupLabel(p.group) : roleLabels[p.role]})
                    </li>
                  ))}
                </ul>
              </div>
            </details>
            {session.endedAt === null ? null : feedback ? (
              <table className="nhsuk-table co-feel-heard-table">
                <caption className="nhsuk-table__caption nhsuk-table__caption--s">
                  Did people feel heard in session {index + 1}? {answeredSentence(feedback.answered)}
                </caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">
                      Group
                    </th>
                    <th scope="col" className="nhsuk-table__header">
                      Answered
                    </th>
                    <th scope="col" className="nhsuk-table__header">
                      Felt heard
                    </th>
                    <th scope="col" className="nhsuk-table__header">
                      Could say what they thought
                    </th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {[
                    ...feedback.groups,
                    { group: '', label: 'Everyone', answered: feedback.answered, scores: feedback.overall },
                  ].map((g) => (
                    <tr className="nhsuk-table__row" key={g.group || 'everyone'}>
                      <th scope="row" className="nhsuk-table__cell">
                        {g.label}
                      </th>
                      <td className="nhsuk-table__cell">{String(g.answered)}</td>
                      <td className="nhsuk-table__cell">
                        {g.scores ? `${g.scores.heard.toFixed(1)} out of 5` : 'Not shown'}
                      </td>
                      <td className="nhsuk-table__cell">
                        {g.scores ? `${g.scores.spoke.toFixed(1)} out of 5` : 'Not shown'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>Fetching the answers…</p>
            )}
            {feedback && feedback.help.length > 0 ? (
              <>
                <p className="nhsuk-body-s">What would help next time (for you only, never published):</p>
                <ul className="nhsuk-list nhsuk-list--bullet">
                  {feedback.help.map((text, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: two people may write the same words
                    <li key={i}>{text}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        )
      })}
    </div>
  )
}

function answeredSentence(answered: number | string): string {
  if (typeof answered === 'number')
    return `${answered} ${answered === 1 ? 'person has' : 'people have'} answered.`
  if (answered === 'not shown')
    return 'How many answered in all is not shown, so a small group cannot be worked out.'
  return `${answered.charAt(0).toUpperCase()}${answered.slice(1)} people have answered.`
}

/** Session by session, everyone's averages side by side, so the chair sees whether the room is improving. */
function SessionComparison({ summary }: { summary: FeedbackSummary }) {
  const score = (value: number | undefined) =>
    value === undefined ? 'Not shown' : `${value.toFixed(1)} out of 5`
  return (
    <table className="nhsuk-table" data-testid="session-comparison">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">
        Session by session: did everyone feel heard?
      </caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Session
          </th>
          <th scope="col" className="nhsuk-table__header">
            Answered
          </th>
          <th scope="col" className="nhsuk-table__header">
            Felt heard
          </th>
          <th scope="col" className="nhsuk-table__header">
            Could say what they thought
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {summary.sessions.map((s) => (
          <tr className="nhsuk-table__row" key={s.sessionId}>
            <th scope="row" className="nhsuk-table__cell">
              Session {s.number}
            </th>
            <td className="nhsuk-table__cell">{String(s.answered)}</td>
            <td className="nhsuk-table__cell">{score(s.overall?.heard)}</td>
            <td className="nhsuk-table__cell">{score(s.overall?.spoke)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
