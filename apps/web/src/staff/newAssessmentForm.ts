import type { NewAssessmentInput } from './staffApi.ts'

/** The set-up form as typed; `place` '' is the whole system. */
export interface NewAssessmentForm {
  frameworkId: string
  title: string
  workstream: string
  place: string
  scope: 'strategic' | 'operational' | ''
  horizon: 'looking-back' | 'looking-forward' | ''
  areaIds: string[]
  sessionDates: string[]
}

export type FormErrors = Partial<
  Record<'frameworkId' | 'title' | 'workstream' | 'scope' | 'horizon' | 'areaIds' | 'sessionDates', string>
>

/** Checks the form as the server will, so people hear about every problem at once, before sending. */
export function checkNewAssessment(
  form: NewAssessmentForm,
): { ok: true; input: NewAssessmentInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {}
  if (!form.frameworkId) errors.frameworkId = 'Choose a framework'
  if (!form.title.trim()) errors.title = 'Enter a title'
  else if (form.title.trim().length > 200) errors.title = 'Title must be 200 characters or fewer'
  if (!form.workstream.trim()) errors.workstream = 'Enter the workstream'
  else if (form.workstream.trim().length > 200)
    errors.workstream = 'Workstream must be 200 characters or fewer'
  if (!form.scope) errors.scope = 'Choose strategic or operational'
  if (!form.horizon) errors.horizon = 'Choose looking back or looking forward'
  if (form.areaIds.length === 0) errors.areaIds = 'Choose at least one area to assess'
  const dates = form.sessionDates.filter((d) => d.trim() !== '')
  if (dates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))))
    errors.sessionDates = 'Session dates must be real dates'
  if (Object.keys(errors).length > 0 || !form.scope || !form.horizon) return { ok: false, errors }
  return {
    ok: true,
    input: {
      frameworkId: form.frameworkId,
      title: form.title.trim(),
      workstream: form.workstream.trim(),
      place: form.place === '' ? null : form.place,
      scope: form.scope,
      horizon: form.horizon,
      areaIds: form.areaIds,
      sessionDates: dates,
    },
  }
}
