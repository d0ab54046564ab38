import { type AreaTally, NO_RATIONALE, suggestLevel } from '@co-assess/board-model'
import { type FormEvent, useRef, useState } from 'react'
import type { FrameworkArea } from '../../framework/frameworkTypes.ts'
import { useAnnounce } from '../Announcer.tsx'
import { useBoardContext } from '../BoardContext.tsx'
import { levelLabel, recordableLevels } from '../levelLabels.ts'

/** The chair records the level the group agreed, why, and any dissent. */
export function RecordLevelForm({
  area,
  tally,
  blind,
}: {
  area: FrameworkArea
  tally: AreaTally
  blind: boolean
}) {
  const { framework, view, actions } = useBoardContext()
  const announce = useAnnounce()
  const agreed = view.agreed.get(area.id)
  const suggestion = view.suggestions.get(area.id) ?? suggestLevel(area, tally, framework.levels)
  const [level, setLevel] = useState<string>(agreed?.level ?? '')
  const [rationale, setRationale] = useState(
    agreed?.rationale === NO_RATIONALE ? '' : (agreed?.rationale ?? ''),
  )
  // Giving no reason is a choice the chair makes out loud, never a box left empty.
  const [noReason, setNoReason] = useState(agreed?.rationale === NO_RATIONALE)
  const [rationaleError, setRationaleError] = useState<string | null>(null)
  const levelRef = useRef<HTMLInputElement>(null)
  const rationaleRef = useRef<HTMLTextAreaElement>(null)
  const [dissent, setDissent] = useState(agreed?.dissent ?? '')
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const options = recordableLevels(framework.levels)
  const idBase = `record-${area.id}`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const noLevel = !level
    const noRationale = !noReason && !rationale.trim()
    setError(noLevel ? 'Select the level the group agreed' : null)
    setRationaleError(
      noRationale
        ? 'Write why the group agreed this level, or tick that you agreed without recording a reason'
        : null,
    )
    if (noLevel) return levelRef.current?.focus()
    if (noRationale) return rationaleRef.current?.focus()
    actions.recordLevel(area.id, {
      level,
      rationale: noReason ? NO_RATIONALE : rationale.trim(),
      dissent: dissent.trim(),
    })
    const text = `Recorded ${levelLabel(level, framework.levels)} for ${area.id}.`
    setSaved(text)
    announce([{ kind: 'message', text }])
  }

  return (
    <form className="co-record" onSubmit={submit} noValidate data-testid="record-level">
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset
          className="nhsuk-fieldset"
          aria-describedby={`${idBase}-hint${error ? ` ${idBase}-error` : ''}`}
        >
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            <h3 className="nhsuk-fieldset__heading">Record the agreed level for {area.id}</h3>
          </legend>
          <div className="nhsuk-hint" id={`${idBase}-hint`}>
            {blind
              ? 'The ticks are still hidden in a blind round.'
              : `The ticks suggest: ${suggestion.label}.`}{' '}
            Record what the group agreed after talking it through.
          </div>
          {error ? (
            <span className="nhsuk-error-message" id={`${idBase}-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {error}
            </span>
          ) : null}
          <div className="nhsuk-radios nhsuk-radios--small co-level-radios">
            {options.map((option, index) => (
              <div className="nhsuk-radios__item" key={option.id}>
                <input
                  ref={index === 0 ? levelRef : undefined}
                  className="nhsuk-radios__input"
                  id={`${idBase}-${option.id}`}
                  name={`${idBase}-level`}
                  type="radio"
                  value={option.id}
                  checked={level === option.id}
                  onChange={() => setLevel(option.id)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${idBase}-${option.id}`}>
                  {option.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`nhsuk-form-group${rationaleError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${idBase}-rationale`}>
          Rationale
        </label>
        <div className="nhsuk-hint" id={`${idBase}-rationale-hint`}>
          Why the group agreed this level: the evidence that decided it
        </div>
        {rationaleError ? (
          <span className="nhsuk-error-message" id={`${idBase}-rationale-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {rationaleError}
          </span>
        ) : null}
        <textarea
          ref={rationaleRef}
          className={`nhsuk-textarea${rationaleError ? ' nhsuk-textarea--error' : ''}`}
          id={`${idBase}-rationale`}
          rows={3}
          maxLength={5000}
          value={rationale}
          disabled={noReason}
          aria-describedby={`${idBase}-rationale-hint${rationaleError ? ` ${idBase}-rationale-error` : ''}`}
          aria-invalid={rationaleError ? true : undefined}
          onChange={(e) => setRationale(e.target.value)}
        />
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-top-2">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={`${idBase}-no-reason`}
              type="checkbox"
              checked={noReason}
              onChange={(e) => {
                setNoReason(e.target.checked)
                if (e.target.checked) setRationaleError(null)
              }}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${idBase}-no-reason`}>
              We agreed without recording a reason
            </label>
          </div>
        </div>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${idBase}-dissent`}>
          Dissent (optional)
        </label>
        <div className="nhsuk-hint" id={`${idBase}-dissent-hint`}>
          Anyone who saw it differently, and why, in their words
        </div>
        <textarea
          className="nhsuk-textarea"
          id={`${idBase}-dissent`}
          rows={2}
          maxLength={5000}
          value={dissent}
          aria-describedby={`${idBase}-dissent-hint`}
          onChange={(e) => setDissent(e.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button">
        Record agreed level
      </button>
      {saved ? <p className="co-saved">{saved}</p> : null}
    </form>
  )
}
