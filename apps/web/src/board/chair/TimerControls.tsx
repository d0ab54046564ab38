import { type FormEvent, useState } from 'react'
import { useAnnounce } from '../Announcer.tsx'
import { timerLength } from '../announcements.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { parseMinutes } from '../timerView.ts'

export function TimerControls({ areaId }: { areaId: string }) {
  const { view, actions } = useBoardContext()
  const announce = useAnnounce()
  const [minutes, setMinutes] = useState('10')
  const [error, setError] = useState<string | null>(null)
  const running = view.live.timers.has(areaId)
  const inputId = `timer-minutes-${areaId}`

  const start = (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseMinutes(minutes)
    if ('error' in parsed) {
      setError(parsed.error)
      return
    }
    setError(null)
    actions.startTimer(areaId, parsed.seconds)
    announce([{ kind: 'message', text: `A ${timerLength(parsed.seconds)} timer started on ${areaId}.` }])
  }

  return (
    <form className="co-console__group" onSubmit={start} noValidate>
      <h3 className="nhsuk-heading-s">Timer</h3>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={inputId}>
          Minutes for this area
        </label>
        {error ? (
          <span className="nhsuk-error-message" id={`${inputId}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        ) : null}
        <input
          className={`nhsuk-input nhsuk-input--width-3${error ? ' nhsuk-input--error' : ''}`}
          id={inputId}
          inputMode="decimal"
          type="text"
          value={minutes}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <div className="co-button-row">
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          {running ? 'Restart timer' : 'Start timer'}
        </button>
        {running ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              actions.stopTimer(areaId)
              announce([{ kind: 'message', text: `Timer stopped on ${areaId}.` }])
            }}
          >
            Stop timer
          </button>
        ) : null}
      </div>
    </form>
  )
}
