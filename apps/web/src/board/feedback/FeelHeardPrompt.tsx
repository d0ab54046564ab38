import { hasGroup } from '@co-assess/board-model'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { getMyFeedbackState, sendFeedback } from '../../api/sessionFeedbackEndpoints.ts'
import { ErrorSummary } from '../../components/ErrorSummary.tsx'
import { useAnnounce } from '../Announcer.tsx'
import { useBoardContext } from '../BoardContext.tsx'
import { QUESTIONS, SCALE_LABELS } from './feelHeardWords.ts'

type Scale = 'heard' | 'spoke'
type Stage = 'hidden' | 'asking' | 'sent'
const dismissedKey = (sessionId: string) => `co-assess:feel-heard-dismissed:${sessionId}`

/**
 * "Did you feel heard?": once the chair ends a session, each person who came to it for a group is
 * asked two short questions and one optional one. The answers go to the server with no name; the
 * server checks who may answer and that they answer once.
 */
export function FeelHeardPrompt() {
  const { assessment, view, person, keeper } = useBoardContext()
  const announce = useAnnounce()
  const takesPart = (person.role === 'participant' || person.role === 'chair') && hasGroup(person.group)
  const last = view.sessions.at(-1)
  const sessionId =
    takesPart && last && last.endedAt !== null && last.attendance.includes(person.id) ? last.id : null
  const [stage, setStage] = useState<Stage>('hidden')
  const [answers, setAnswers] = useState<Partial<Record<Scale, number>>>({})
  const [help, setHelp] = useState('')
  const [problems, setProblems] = useState<Array<{ target: string; text: string }>>([])
  const [busy, setBusy] = useState(false)
  const summaryRef = useRef<HTMLDivElement>(null)
  const thanksRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    setStage('hidden')
    if (!sessionId || localStorage.getItem(dismissedKey(sessionId))) return
    let live = true
    void (async () => {
      try {
        const state = await getMyFeedbackState(assessment.id, sessionId, await keeper.token())
        if (!live || !state.canAnswer) return
        setAnswers({})
        setHelp('')
        setProblems([])
        setStage('asking')
        announce([
          {
            kind: 'message',
            text: 'The session has ended. Two short questions, without your name, are at the top of the page.',
          },
        ])
      } catch {
        // Optional questions must never get in the way of the board: if the server cannot say, ask nothing.
      }
    })()
    return () => {
      live = false
    }
  }, [sessionId, assessment.id, keeper, announce])

  useEffect(() => {
    if (stage === 'sent') thanksRef.current?.focus()
  }, [stage])

  if (!sessionId || stage === 'hidden') return null
  if (stage === 'sent')
    return (
      <div className="nhsuk-card co-feel-heard" data-testid="feel-heard">
        <div className="nhsuk-card__content">
          <h2 className="nhsuk-card__heading" tabIndex={-1} ref={thanksRef}>
            Thank you
          </h2>
          <p className="nhsuk-card__description">
            Your answers were sent without your name. The chair sees them only added up by group.
          </p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={() => setStage('hidden')}
          >
            Close this message
          </button>
        </div>
      </div>
    )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const missing: Array<{ target: string; text: string }> = []
    if (!answers.heard) missing.push({ target: 'feel-heard-heard-1', text: 'Choose how far you felt heard' })
    if (!answers.spoke)
      missing.push({ target: 'feel-heard-spoke-1', text: 'Choose how far you could say what you thought' })
    setProblems(missing)
    if (missing.length > 0 || !answers.heard || !answers.spoke) {
      queueMicrotask(() => summaryRef.current?.focus())
      return
    }
    setBusy(true)
    try {
      await sendFeedback(assessment.id, sessionId, await keeper.token(), {
        heard: answers.heard,
        spoke: answers.spoke,
        ...(help.trim() ? { help: help.trim() } : {}),
      })
      setStage('sent')
    } catch (error) {
      // Answered already (on another device): nothing more to ask.
      if ((error as { status?: number }).status === 409) setStage('sent')
      else {
        setProblems([
          {
            target: 'feel-heard-heard-1',
            text: error instanceof Error ? error.message : 'Your answers could not be sent. Try again.',
          },
        ])
        queueMicrotask(() => summaryRef.current?.focus())
      }
    } finally {
      setBusy(false)
    }
  }
  const notNow = () => {
    localStorage.setItem(dismissedKey(sessionId), '1')
    setStage('hidden')
  }
  const scale = (key: Scale) => {
    const error = problems.find((p) => p.target === `feel-heard-${key}-1`)
    return (
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={error ? `feel-heard-${key}-error` : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{QUESTIONS[key]}</legend>
          {error ? (
            <span className="nhsuk-error-message" id={`feel-heard-${key}-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {error.text}
            </span>
          ) : null}
          <div className="nhsuk-radios nhsuk-radios--small nhsuk-radios--inline">
            {SCALE_LABELS.map((label, i) => (
              <div className="nhsuk-radios__item" key={label}>
                <input
                  className="nhsuk-radios__input"
                  id={`feel-heard-${key}-${i + 1}`}
                  name={`feel-heard-${key}`}
                  type="radio"
                  checked={answers[key] === i + 1}
                  onChange={() => setAnswers((a) => ({ ...a, [key]: i + 1 }))}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`feel-heard-${key}-${i + 1}`}>
                  {label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    )
  }

  return (
    <section className="nhsuk-card co-feel-heard" aria-labelledby="feel-heard-title" data-testid="feel-heard">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" id="feel-heard-title">
          Did you feel heard?
        </h2>
        <p>
          The session has ended. Your answers are sent without your name: the chair sees them only added up by
          group, and not at all for a group where too few people answered.
        </p>
        <ErrorSummary problems={problems} ref={summaryRef} />
        <form noValidate onSubmit={submit}>
          {scale('heard')}
          {scale('spoke')}
          <div className="nhsuk-form-group">
            <label className="nhsuk-label nhsuk-label--s" htmlFor="feel-heard-help">
              {QUESTIONS.help}
            </label>
            <div className="nhsuk-hint" id="feel-heard-help-hint">
              Please do not write anyone’s name.
            </div>
            <textarea
              className="nhsuk-textarea"
              id="feel-heard-help"
              rows={3}
              maxLength={1000}
              aria-describedby="feel-heard-help-hint"
              value={help}
              onChange={(e) => setHelp(e.target.value)}
            />
          </div>
          <div className="co-button-row">
            <button className="nhsuk-button" type="submit" disabled={busy} aria-disabled={busy}>
              {busy ? 'Sending…' : 'Send my answers'}
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={notNow}>
              Not now
            </button>
          </div>
        </form>
      </div>
    </section>
  )
}
