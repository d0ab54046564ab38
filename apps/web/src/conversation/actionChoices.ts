import { type StakeholderGroup, stakeholderGroupLabels } from '@co-assess/board-model'
import type { AreaPlace } from '../framework/frameworkIndex.ts'
import type { CheckboxOption } from './CheckboxGroup.tsx'

/** The groups an action can be raised by, for the propose and edit forms. */
export const raisedByOptions: ReadonlyArray<CheckboxOption<StakeholderGroup>> = (
  Object.entries(stakeholderGroupLabels) as Array<[StakeholderGroup, string]>
).map(([value, label]) => ({ value, label }))

/** The framework's areas in reading order, named as well as numbered so a screen reader says more than "1a". */
export const areaOptions = (areas: ReadonlyMap<string, AreaPlace>): Array<CheckboxOption<string>> =>
  [...areas.values()].map(({ area }) => ({ value: area.id, label: `${area.id} ${area.title}` }))
