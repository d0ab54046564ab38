import { type ActionPlan, EMPTY_PLAN, type Horizon, horizonLabels, plainDate } from '@co-assess/board-model'
import { useId } from 'react'
import type { AreaPlace } from '../framework/frameworkIndex.ts'
import type { FrameworkLevel } from '../framework/frameworkTypes.ts'
import { CheckboxGroup } from './CheckboxGroup.tsx'

/** Whether a plan says anything: an untouched plan is not written, so the action stays "no plan recorded". */
export const planIsEmpty = (plan: ActionPlan) => JSON.stringify(plan) === JSON.stringify(EMPTY_PLAN)

/**
 * What makes an action measurable, asked in plain words: what it aims to move (a level, or checklist
 * items of its areas), when, how the group will know, where that stands now, and when to look again.
 */
export function ActionPlanFields({
  plan,
  onChange,
  areas,
  areaIds,
  levels,
}: {
  plan: ActionPlan
  onChange: (plan: ActionPlan) => void
  areas: ReadonlyMap<string, AreaPlace>
  areaIds: readonly string[]
  levels: readonly FrameworkLevel[]
}) {
  const id = useId()
  const set = (patch: Partial<ActionPlan>) => onChange({ ...plan, ...patch })
  const items = areaIds.flatMap((areaId) => {
    const place = areas.get(areaId)
    return place
      ? place.area.levels.flatMap((l) => l.items.map((i) => ({ value: i.id, label: `${areaId}: ${i.text}` })))
      : []
  })
  const horizons: Array<[Horizon | '', string]> = [
    ...(Object.entries(horizonLabels) as Array<[Horizon, string]>),
    ['', 'Not decided'],
  ]
  return (
    <fieldset className="nhsuk-fieldset co-action-plan" data-testid="action-plan-fields">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
        Plan: how you will know it worked
      </legend>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-level`}>
          Level it aims the area at (optional)
        </label>
        <select
          className="nhsuk-select"
          id={`${id}-level`}
          value={plan.targetLevel ?? ''}
          onChange={(e) => set({ targetLevel: e.target.value || null })}
        >
          <option value="">No level named</option>
          {levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      {items.length ? (
        <CheckboxGroup
          legend="Checklist items it should put in place (optional)"
          hint="Items of the areas chosen above."
          options={items}
          chosen={plan.targetItemIds}
          onChange={(targetItemIds) => set({ targetItemIds })}
        />
      ) : null}
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">When</legend>
          <div className="nhsuk-radios nhsuk-radios--inline">
            {horizons.map(([value, label]) => (
              <div className="nhsuk-radios__item" key={value || 'none'}>
                <input
                  className="nhsuk-radios__input"
                  id={`${id}-horizon-${value || 'none'}`}
                  name={`${id}-horizon`}
                  type="radio"
                  checked={(plan.horizon ?? '') === value}
                  onChange={() => set({ horizon: value || null })}
                />
                <label
                  className="nhsuk-label nhsuk-radios__label"
                  htmlFor={`${id}-horizon-${value || 'none'}`}
                >
                  {label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-measure`}>
          Measure
        </label>
        <div className="nhsuk-hint" id={`${id}-measure-hint`}>
          How you will know it worked, for example "people from the carers’ forum at each meeting".
        </div>
        <textarea
          className="nhsuk-textarea"
          id={`${id}-measure`}
          rows={2}
          aria-describedby={`${id}-measure-hint`}
          value={plan.measure}
          onChange={(e) => set({ measure: e.target.value.slice(0, 2000) })}
        />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-baseline`}>
          Baseline
        </label>
        <div className="nhsuk-hint" id={`${id}-baseline-hint`}>
          Where the measure stands now, so the next assessment can tell whether it moved.
        </div>
        <input
          className="nhsuk-input"
          id={`${id}-baseline`}
          aria-describedby={`${id}-baseline-hint`}
          value={plan.baseline}
          onChange={(e) => set({ baseline: e.target.value.slice(0, 2000) })}
        />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-review`}>
          Review date (optional)
        </label>
        <input
          className="nhsuk-input nhsuk-input--width-10"
          type="date"
          id={`${id}-review`}
          value={plan.reviewDate ?? ''}
          onChange={(e) =>
            set({ reviewDate: /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : null })
          }
        />
      </div>
    </fieldset>
  )
}

/** The plan as facts for the action card; empty when no plan was recorded. */
export function planFacts(
  plan: ActionPlan | undefined,
  levelLabel: (id: string) => string,
): Array<[string, string]> {
  if (!plan || planIsEmpty(plan)) return []
  const aims = [plan.targetLevel ? levelLabel(plan.targetLevel) : '', ...plan.targetItemIds].filter(Boolean)
  return [
    ['Aims at', aims.join('; ') || 'Not named'],
    ['When', plan.horizon ? horizonLabels[plan.horizon] : 'Not decided'],
    ['Measure', plan.measure || 'Not agreed yet'],
    ['Baseline', plan.baseline || 'Not recorded'],
    ['Review date', plan.reviewDate ? plainDate(plan.reviewDate) : 'No date'],
  ]
}
