import { type EvidenceDraft, type EvidenceKind, evidenceKindLabels } from '@co-assess/board-model'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { ErrorSummary } from '../components/ErrorSummary.tsx'
import { CheckboxGroup } from '../conversation/CheckboxGroup.tsx'
import type { FrameworkArea } from '../framework/frameworkTypes.ts'
import {
  draftOf,
  type EvidenceField,
  type EvidenceFormValues,
  evidenceProblems,
  type FormProblem,
} from './evidenceDraft.ts'

const KINDS = Object.entries(evidenceKindLabels) as Array<[EvidenceKind, string]>

/**
 * Adding or changing one piece of evidence, as an NHS.UK form: every field labelled, hints tied to
 * their fields, and on a failed save an error summary that takes focus and links to each field.
 */
export function EvidenceForm({
  area,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  area: FrameworkArea
  initial: EvidenceFormValues
  submitLabel: string
  onSave: (draft: EvidenceDraft) => void
  onCancel?: () => void
}) {
  const id = useId()
  const [values, setValues] = useState(initial)
  const [problems, setProblems] = useState<FormProblem[]>([])
  const summary = useRef<HTMLDivElement>(null)
  const problemOf = (field: EvidenceField) => problems.find((p) => p.field === field)?.text
  const fieldId = (field: EvidenceField) => `${id}-${field}`
  const set = (patch: Partial<EvidenceFormValues>) => setValues({ ...values, ...patch })

  useEffect(() => {
    if (problems.length) summary.current?.focus()
  }, [problems])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = evidenceProblems(values)
    setProblems(found)
    if (found.length) return
    onSave(draftOf(values, area.id))
  }

  const group = (field: EvidenceField, label: ReactNode, hint: string | null, control: ReactNode) => {
    const problem = problemOf(field)
    return (
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        {label}
        {hint ? (
          <div className="nhsuk-hint" id={`${fieldId(field)}-hint`}>
            {hint}
          </div>
        ) : null}
        {problem ? (
          <span className="nhsuk-error-message" id={`${fieldId(field)}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </span>
        ) : null}
        {control}
      </div>
    )
  }
  const describedBy = (field: EvidenceField, hint: boolean) =>
    [hint ? `${fieldId(field)}-hint` : '', problemOf(field) ? `${fieldId(field)}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined
  const textInput = (field: 'title' | 'link' | 'date', label: string, hint: string | null, type = 'text') =>
    group(
      field,
      <label className="nhsuk-label" htmlFor={fieldId(field)}>
        {label}
      </label>,
      hint,
      <input
        className={`nhsuk-input${problemOf(field) ? ' nhsuk-input--error' : ''}${field === 'date' ? ' nhsuk-input--width-10' : ''}`}
        id={fieldId(field)}
        type={type}
        value={values[field]}
        aria-describedby={describedBy(field, hint !== null)}
        aria-invalid={problemOf(field) ? true : undefined}
        onChange={(e) => set({ [field]: e.target.value })}
        autoComplete="off"
        spellCheck={field === 'title'}
      />,
    )
  const radios = <T extends string>(
    field: 'kind' | 'shareable',
    legend: string,
    hint: string | null,
    options: Array<[T, string]>,
  ) => {
    const problem = problemOf(field)
    return (
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(field, hint !== null)}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
          {hint ? (
            <div className="nhsuk-hint" id={`${fieldId(field)}-hint`}>
              {hint}
            </div>
          ) : null}
          {problem ? (
            <span className="nhsuk-error-message" id={`${fieldId(field)}-error`}>
              <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
            </span>
          ) : null}
          <div className="nhsuk-radios">
            {options.map(([value, label], i) => (
              <div className="nhsuk-radios__item" key={value}>
                <input
                  className="nhsuk-radios__input"
                  // The first option carries the field's id, so the error summary's link lands on it.
                  id={i === 0 ? fieldId(field) : `${fieldId(field)}-${i}`}
                  name={fieldId(field)}
                  type="radio"
                  value={value}
                  checked={values[field] === value}
                  onChange={() => set({ [field]: value })}
                />
                <label
                  className="nhsuk-label nhsuk-radios__label"
                  htmlFor={i === 0 ? fieldId(field) : `${fieldId(field)}-${i}`}
                >
                  {label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    )
  }

  const items = area.levels.flatMap((level) =>
    level.items.map((item) => ({ value: item.id, label: item.text })),
  )
  return (
    <form className="co-evidence-form" onSubmit={submit} noValidate data-testid="evidence-form">
      <ErrorSummary
        problems={problems.map((p) => ({ target: fieldId(p.field), text: p.text }))}
        ref={summary}
        testId="evidence-errors"
      />
      {radios('kind', 'What kind of evidence is it?', null, KINDS)}
      {textInput('title', 'Title', 'For example, "Partnership board minutes, March 2026".')}
      {textInput(
        'link',
        'Link (optional)',
        'A web address people on the board can open, starting https://. Leave it empty if there is nothing to link to.',
        'url',
      )}
      {group(
        'description',
        <label className="nhsuk-label" htmlFor={fieldId('description')}>
          Short description
        </label>,
        'What it shows. Needed if there is no link.',
        <textarea
          className={`nhsuk-textarea${problemOf('description') ? ' nhsuk-textarea--error' : ''}`}
          id={fieldId('description')}
          rows={3}
          value={values.description}
          aria-describedby={describedBy('description', true)}
          aria-invalid={problemOf('description') ? true : undefined}
          onChange={(e) => set({ description: e.target.value })}
        />,
      )}
      {textInput(
        'date',
        'Date (optional)',
        'When it happened or was published, for example 2026-03-31.',
        'date',
      )}
      {items.length ? (
        <CheckboxGroup
          legend="Checklist items it supports (optional)"
          hint="Select any that apply."
          options={items}
          chosen={values.itemIds}
          onChange={(itemIds) => set({ itemIds })}
        />
      ) : null}
      {radios(
        'shareable',
        'Can it be shared beyond the board?',
        'If not, it stays on the board and in the chair’s copy of the report. Other reports only say that some evidence was kept back.',
        [
          ['yes', 'Yes, it can go in reports'],
          ['no', 'No, keep it on the board'],
        ],
      )}
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0">
          {submitLabel}
        </button>
        {onCancel ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
            onClick={onCancel}
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  )
}
