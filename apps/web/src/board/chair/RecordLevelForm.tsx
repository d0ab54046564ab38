import { type AreaTally, suggestLevel } from '@co-assess/board-model'
import { type FormEvent, useState } from 'react'
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
  const [rationale, setRationale] = useState(agreed?.rationale ?? '')
  const [dissent, setDissent] = useState(agreed?.dissent ?? '')
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const options = recordableLevels(framework.levels)
  const idBase = `record-${area.id}`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!level) {
      setError('Select the level the group agreed')
      return
    }
    setError(null)
    actions.recordLevel(area.id, { level, rationale: rationale.trim(), dissent: dissent.trim() })
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
            {options.map((option) => (
              <div className="nhsuk-radios__item" key={option.id}>
                <input
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
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${idBase}-rationale`}>
          Rationale
        </label>
        <div className="nhsuk-hint" id={`${idBase}-rationale-hint`}>
          Why the group agreed this level: the evidence that decided it
        </div>
        <textarea
          className="nhsuk-textarea"
          id={`${idBase}-rationale`}
          rows={3}
          maxLength={5000}
          value={rationale}
          aria-describedby={`${idBase}-rationale-hint`}
          onChange={(e) => setRationale(e.target.value)}
        />
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
