import type { StakeholderGroup } from '@co-assess/board-model'
import type { AreaPlace } from '../framework/frameworkIndex.ts'
import { areaOptions, raisedByOptions } from './actionChoices.ts'
import { CheckboxGroup } from './CheckboxGroup.tsx'

/** Who raised an action and which areas it belongs to: the same two questions when proposing and editing. */
export function ActionScopeFields(props: {
  areas: ReadonlyMap<string, AreaPlace>
  raisedBy: readonly StakeholderGroup[]
  onRaisedByChange: (chosen: StakeholderGroup[]) => void
  areaIds: readonly string[]
  onAreaIdsChange: (chosen: string[]) => void
}) {
  return (
    <>
      <CheckboxGroup
        legend="Raised by (stakeholder groups)"
        hint="Select all that apply."
        options={raisedByOptions}
        chosen={props.raisedBy}
        onChange={props.onRaisedByChange}
      />
      <CheckboxGroup
        legend="Areas"
        hint="Select all that apply."
        options={areaOptions(props.areas)}
        chosen={props.areaIds}
        onChange={props.onAreaIdsChange}
      />
    </>
  )
}
