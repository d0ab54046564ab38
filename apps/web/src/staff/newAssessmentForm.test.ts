import { describe, expect, it } from 'vitest'
import { checkNewAssessment, type NewAssessmentForm } from './newAssessmentForm.ts'

const filled: NewAssessmentForm = {
  frameworkId: 'cqc-hi-2025',
  title: ' Spring assessment ',
  workstream: 'Mental health',
  place: '',
  scope: 'operational',
  horizon: 'looking-forward',
  areaIds: ['1a'],
  sessionDates: ['2099-04-01', '', ''],
}

describe('checkNewAssessment', () => {
  it('turns a filled form into what the server takes: whole system is no Place, blank dates dropped', () => {
    expect(checkNewAssessment(filled)).toEqual({
      ok: true,
      input: {
        frameworkId: 'cqc-hi-2025',
        title: 'Spring assessment',
        workstream: 'Mental health',
        place: null,
        scope: 'operational',
        horizon: 'looking-forward',
        areaIds: ['1a'],
        sessionDates: ['2099-04-01'],
      },
    })
  })

  it('names every problem at once', () => {
    const result = checkNewAssessment({
      ...filled,
      title: ' ',
      scope: '',
      horizon: '',
      areaIds: [],
      sessionDates: ['soon'],
    })
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'Enter a title',
        scope: 'Choose strategic or operational',
        horizon: 'Choose looking back or looking forward',
        areaIds: 'Choose at least one area to assess',
        sessionDates: 'Session dates must be real dates',
      },
    })
  })
})
