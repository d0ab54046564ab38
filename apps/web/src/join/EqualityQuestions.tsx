import { type FormEvent, useEffect, useState } from 'react'
import type { JoinResult } from '../api/apiTypes.ts'
import {
  type EqualityQuestion,
  getEqualityQuestions,
  sendEqualityAnswers,
} from '../api/peoplesDataEndpoints.ts'
import { navigate } from '../app/navigation.ts'
import { boardPath } from '../app/route.ts'
import { PageShell } from '../components/PageShell.tsx'

/**
 * The optional equality questions, once, straight after joining. Skipping is as easy as answering:
 * nothing is needed to go on. What is sent carries no name, and the chair sees only totals.
 */
export function EqualityQuestions({ joined, title }: { joined: JoinResult; title: string }) {
  const [questions, setQuestions] = useState<EqualityQuestion[] | null>(null)
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const toBoard = () => navigate(boardPath(joined.assessmentId), { replace: true })

  useEffect(() => {
    getEqualityQuestions()
      .then((r) => setQuestions(r.questions))
      // Optional questions must never stand between someone and the board.
      .catch(() => navigate(boardPath(joined.assessmentId), { replace: true }))
  }, [joined.assessmentId])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setProblem(null)
    try {
      if (Object.keys(answers).length > 0)
        await sendEqualityAnswers(joined.assessmentId, joined.token, answers)
      toBoard()
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status === 409) return toBoard()
      setProblem(error instanceof Error ? error.message : 'Your answers could not be sent.')
      setBusy(false)
    }
  }

  return (
    <PageShell title={title}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>About you (optional)</h1>
          <p>
            These questions help the chair see whether the people in the room reflect the communities the
            service is for. They use the same groups as the 2021 census.
          </p>
          <p>
            Your answers are kept apart from your name: they are stored with no name, no link to you and no
            time. The chair sees only totals for everyone, and any total under 3 reads “fewer than 3”. You can
            skip any question, or all of them.
          </p>
          <p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={toBoard}>
              Skip these questions
            </button>
          </p>
          {problem ? (
            <p className="nhsuk-error-message" role="alert">
              <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
            </p>
          ) : null}
          {questions ? (
            <form noValidate onSubmit={submit}>
              {questions.map((q) => (
                <div className="nhsuk-form-group" key={q.id}>
                  <fieldset
                    className="nhsuk-fieldset"
                    aria-describedby={q.hint ? `eq-${q.id}-hint` : undefined}
                  >
                    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{q.question}</legend>
                    {q.hint ? (
                      <div className="nhsuk-hint" id={`eq-${q.id}-hint`}>
                        {q.hint}
                      </div>
                    ) : null}
                    <div className="nhsuk-radios nhsuk-radios--small">
                      {q.options.map((o) => (
                        <div className="nhsuk-radios__item" key={o.id}>
                          <input
                            className="nhsuk-radios__input"
                            id={`eq-${q.id}-${o.id}`}
                            name={`eq-${q.id}`}
                            type="radio"
                            checked={answers[q.id] === o.id}
                            onChange={() => setAnswers((a) => ({ ...a, [q.id]: o.id }))}
                          />
                          <label className="nhsuk-label nhsuk-radios__label" htmlFor={`eq-${q.id}-${o.id}`}>
                            {o.label}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                </div>
              ))}
              <button className="nhsuk-button" type="submit" disabled={busy} aria-disabled={busy}>
                {busy ? 'Sending…' : 'Send my answers and go to the board'}
              </button>
            </form>
          ) : (
            <p>Loading the questions…</p>
          )}
        </div>
      </div>
    </PageShell>
  )
}
