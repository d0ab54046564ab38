import { useId } from 'react'

export interface CheckboxOption<T extends string> {
  value: T
  label: string
}

/**
 * NHS.UK checkboxes under one legend, for choosing any number from a fixed list. A fieldset and legend
 * let a screen reader say which question each box answers.
 */
export function CheckboxGroup<T extends string>({
  legend,
  hint,
  options,
  chosen,
  onChange,
}: {
  legend: string
  hint?: string
  options: ReadonlyArray<CheckboxOption<T>>
  chosen: readonly T[]
  onChange: (chosen: T[]) => void
}) {
  const id = useId()
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          {options.map((option, i) => (
            <div className="nhsuk-checkboxes__item" key={option.value}>
              <input
                className="nhsuk-checkboxes__input"
                id={`${id}-${i}`}
                type="checkbox"
                value={option.value}
                checked={chosen.includes(option.value)}
                onChange={(e) =>
                  // Toggling rather than rebuilding from `options` keeps values this list does not
                  // offer, such as an area from an earlier framework version on a carried action.
                  onChange(
                    e.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value),
                  )
                }
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${i}`}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}
