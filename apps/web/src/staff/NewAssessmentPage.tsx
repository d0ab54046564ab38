import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/apiFetch.ts'
import { getFramework } from '../api/endpoints.ts'
import { AppLink } from '../components/AppLink.tsx'
import { Loading } from '../components/NoticePage.tsx'
import { PageShell } from '../components/PageShell.tsx'
import type { Framework } from '../framework/frameworkTypes.ts'
import { checkNewAssessment, type FormErrors, type NewAssessmentForm } from './newAssessmentForm.ts'
import { openAsChair } from './openAsChair.ts'
import { StaffSignIn } from './StaffSignIn.tsx'
import {
  createOrganisationAssessment,
  type FrameworkChoice,
  listFrameworks,
  type StaffMe,
  staffMe,
} from './staffApi.ts'
import './staff.css'
import { ErrorSummary } from '../components/ErrorSummary.tsx'

const FIRST_FIELD: Record<keyof FormErrors, string> = {
  frameworkId: 'frameworkId',
  title: 'title',
  workstream: 'workstream',
  scope: 'scope-strategic',
  horizon: 'horizon-looking-back',
  areaIds: 'areas',
  sessionDates: 'session-1',
}

function Field(props: {
  id: string
  label: string
  hint?: string
  error?: string | undefined
  children: ReactNode
}) {
  return (
    <div className={`nhsuk-form-group${props.error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div className="nhsuk-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <span className="nhsuk-error-message" id={`${props.id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {props.error}
        </span>
      ) : null}
      {props.children}
    </div>
  )
}

const described = (id: string, hint: boolean, error: string | undefined) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

/** A lead sets up an assessment: framework, title, workstream, Place, scope, areas, horizon and session dates. */
export function NewAssessmentPage() {
  const [me, setMe] = useState<StaffMe | null | 'signed-out'>(null)
  const [choices, setChoices] = useState<FrameworkChoice[]>([])
  const [framework, setFramework] = useState<Framework | null>(null)
  const [form, setForm] = useState<NewAssessmentForm>({
    frameworkId: '',
    title: '',
    workstream: '',
    place: '',
    scope: '',
    horizon: '',
    areaIds: [],
    sessionDates: ['', '', ''],
  })
  const [errors, setErrors] = useState<FormErrors>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const summaryRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    document.title = 'Set up an assessment – Co-assess'
    staffMe().then(setMe, (e: unknown) =>
      setMe(e instanceof ApiError && e.status === 401 ? 'signed-out' : null),
    )
    listFrameworks().then(
      (list) => {
        setChoices(list)
        const first = list.find((f) => f.id === 'cqc-hi-2025') ?? list[0]
        if (first) setForm((f) => ({ ...f, frameworkId: f.frameworkId || first.id }))
      },
      () => setServerError('The frameworks could not be loaded. Reload the page to try again.'),
    )
  }, [])
  useEffect(() => {
    if (!form.frameworkId) return
    setFramework(null)
    getFramework(form.frameworkId).then(setFramework, () =>
      setServerError('That framework could not be loaded.'),
    )
    // A new framework has other areas.
    setForm((f) => ({ ...f, areaIds: [] }))
  }, [form.frameworkId])

  if (me === 'signed-out') return <StaffSignIn />
  if (me === null) return <Loading what="the set-up form" />

  const set = <K extends keyof NewAssessmentForm>(key: K, value: NewAssessmentForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }))
  const toggleArea = (id: string, on: boolean) =>
    setForm((f) => {
      const chosen = new Set(f.areaIds)
      if (on) chosen.add(id)
      else chosen.delete(id)
      const order = framework?.phases.flatMap((p) => p.areas.map((a) => a.id)) ?? []
      return { ...f, areaIds: order.filter((a) => chosen.has(a)) }
    })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setServerError(null)
    const checked = checkNewAssessment(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      requestAnimationFrame(() => summaryRef.current?.focus())
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const made = await createOrganisationAssessment(me.organisation.id, checked.input)
      openAsChair(made.chair, made.assessment.title)
    } catch (e) {
      setServerError(e instanceof Error ? e.message : 'Something went wrong. Try again.')
      setBusy(false)
      requestAnimationFrame(() => summaryRef.current?.focus())
    }
  }

  const problems = [
    ...(Object.entries(errors) as Array<[keyof FormErrors, string]>).map(([k, text]) => ({
      target: FIRST_FIELD[k],
      text,
    })),
    ...(serverError ? [{ target: 'title', text: serverError }] : []),
  ]
  const radios = <K extends 'scope' | 'horizon'>(
    key: K,
    legend: string,
    options: Array<[NonNullable<NewAssessmentForm[K]>, string, string]>,
  ) => (
    <div className={`nhsuk-form-group${errors[key] ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={errors[key] ? `${key}-error` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {errors[key] ? (
          <span className="nhsuk-error-message" id={`${key}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {errors[key]}
          </span>
        ) : null}
        <div className="nhsuk-radios">
          {options.map(([value, label, hint]) => (
            <div className="nhsuk-radios__item" key={value}>
              <input
                className="nhsuk-radios__input"
                id={`${key}-${value}`}
                name={key}
                type="radio"
                checked={form[key] === value}
                aria-describedby={`${key}-${value}-hint`}
                onChange={() => set(key, value as NewAssessmentForm[K])}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${key}-${value}`}>
                {label}
              </label>
              <div className="nhsuk-hint nhsuk-radios__hint" id={`${key}-${value}-hint`}>
                {hint}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )

  return (
    <PageShell homeHref="/staff">
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <AppLink className="nhsuk-back-link" href="/staff">
            Back to {me.organisation.name}
          </AppLink>
          <ErrorSummary problems={problems} ref={summaryRef} />
          <span className="nhsuk-caption-l">{me.organisation.name}</span>
          <h1>Set up an assessment</h1>
          <p>You will chair it. Once it is set up you can invite people from the board.</p>
          <form noValidate onSubmit={submit}>
            <Field id="frameworkId" label="Framework" error={errors.frameworkId}>
              <select
                className="nhsuk-select"
                id="frameworkId"
                value={form.frameworkId}
                aria-describedby={described('frameworkId', false, errors.frameworkId)}
                onChange={(e) => set('frameworkId', e.target.value)}
              >
                {choices.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.title} (version {f.version})
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id="title"
              label="Title"
              hint="For example, Mental health engagement, spring 2026"
              error={errors.title}
            >
              <input
                className={`nhsuk-input${errors.title ? ' nhsuk-input--error' : ''}`}
                id="title"
                type="text"
                value={form.title}
                aria-describedby={described('title', true, errors.title)}
                onChange={(e) => set('title', e.target.value)}
              />
            </Field>
            <Field
              id="workstream"
              label="Workstream"
              hint="Assessments of the same workstream make its history on your organisation’s page"
              error={errors.workstream}
            >
              <input
                className={`nhsuk-input${errors.workstream ? ' nhsuk-input--error' : ''}`}
                id="workstream"
                type="text"
                value={form.workstream}
                aria-describedby={described('workstream', true, errors.workstream)}
                onChange={(e) => set('workstream', e.target.value)}
              />
            </Field>
            <Field id="place" label="Place">
              <select
                className="nhsuk-select"
                id="place"
                value={form.place}
                onChange={(e) => set('place', e.target.value)}
              >
                <option value="">The whole system</option>
                {me.organisation.places.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </Field>
            {radios('scope', 'Is this assessment strategic or operational?', [
              ['strategic', 'Strategic', 'How the system plans and decides'],
              ['operational', 'Operational', 'How a service or team works day to day'],
            ])}
            {radios('horizon', 'Is it looking back or looking forward?', [
              ['looking-back', 'Looking back', 'At engagement that has happened'],
              ['looking-forward', 'Looking forward', 'At engagement you are planning'],
            ])}
            <div className={`nhsuk-form-group${errors.areaIds ? ' nhsuk-form-group--error' : ''}`}>
              <fieldset
                className="nhsuk-fieldset"
                id="areas"
                tabIndex={-1}
                aria-describedby={['areas-hint', errors.areaIds ? 'areas-error' : '']
                  .filter(Boolean)
                  .join(' ')}
              >
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                  Which areas are in scope?
                </legend>
                <div className="nhsuk-hint" id="areas-hint">
                  Start small: the framework advises focusing on one phase or improvement area. The board will
                  only show the areas you choose.
                </div>
                {errors.areaIds ? (
                  <span className="nhsuk-error-message" id="areas-error">
                    <span className="nhsuk-u-visually-hidden">Error:</span> {errors.areaIds}
                  </span>
                ) : null}
                {framework === null ? <p>Loading the framework’s areas…</p> : null}
                {framework?.phases.map((phase) => (
                  <fieldset className="nhsuk-fieldset" key={phase.id}>
                    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                      Phase {phase.id}: {phase.title}
                    </legend>
                    <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                      {phase.areas.map((area) => (
                        <div className="nhsuk-checkboxes__item" key={area.id}>
                          <input
                            className="nhsuk-checkboxes__input"
                            id={`area-${area.id}`}
                            type="checkbox"
                            checked={form.areaIds.includes(area.id)}
                            onChange={(e) => toggleArea(area.id, e.target.checked)}
                          />
                          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`area-${area.id}`}>
                            {area.id} {area.title}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                ))}
              </fieldset>
            </div>
            <div className={`nhsuk-form-group${errors.sessionDates ? ' nhsuk-form-group--error' : ''}`}>
              <fieldset
                className="nhsuk-fieldset"
                aria-describedby={['dates-hint', errors.sessionDates ? 'dates-error' : '']
                  .filter(Boolean)
                  .join(' ')}
              >
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Session dates</legend>
                <div className="nhsuk-hint" id="dates-hint">
                  Optional. Up to three; your organisation’s page shows the next one.
                </div>
                {errors.sessionDates ? (
                  <span className="nhsuk-error-message" id="dates-error">
                    <span className="nhsuk-u-visually-hidden">Error:</span> {errors.sessionDates}
                  </span>
                ) : null}
                {form.sessionDates.map((date, i) => (
                  <div className="nhsuk-form-group" key={['first', 'second', 'third'][i]}>
                    <label className="nhsuk-label" htmlFor={`session-${i + 1}`}>
                      {['First', 'Second', 'Third'][i]} session
                    </label>
                    <input
                      className="nhsuk-input nhsuk-input--width-10"
                      id={`session-${i + 1}`}
                      type="date"
                      value={date}
                      onChange={(e) =>
                        set(
                          'sessionDates',
                          form.sessionDates.map((d, j) => (j === i ? e.target.value : d)),
                        )
                      }
                    />
                  </div>
                ))}
              </fieldset>
            </div>
            <button className="nhsuk-button" type="submit" disabled={busy}>
              {busy ? 'Setting up…' : 'Set up and open the board'}
            </button>
          </form>
        </div>
      </div>
    </PageShell>
  )
}
