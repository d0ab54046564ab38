import type { Framework } from '../framework/frameworkTypes.ts'
import type { PlaceLevels } from './staffApi.ts'

export interface RollupRow {
  areaId: string
  title: string
  /** The level label per Place (in the order given), or null where that Place agreed none. */
  byPlace: Array<string | null>
  /** The spread across Places in words: never an average, which would hide a Place that is behind. */
  spread: string
}

/**
 * The system roll-up: each area's agreed level in each Place's latest assessment, and how far apart
 * the Places are, lowest to highest, with how many Places sit at each end.
 */
export function placeRollup(places: readonly PlaceLevels[], framework: Framework): RollupRow[] {
  const order = framework.levels.map((level) => level.id)
  const label = new Map(framework.levels.map((level) => [level.id, level.label]))
  return framework.phases
    .flatMap((phase) => phase.areas)
    .filter((area) => places.some((p) => p.levels[area.id] !== undefined))
    .map((area) => {
      const ids = places.map((p) => p.levels[area.id] ?? null)
      const agreed = ids
        .filter((id): id is string => id !== null)
        .sort((a, b) => order.indexOf(a) - order.indexOf(b))
      const low = agreed[0]!
      const high = agreed[agreed.length - 1]!
      const atLow = agreed.filter((id) => id === low).length
      const atHigh = agreed.filter((id) => id === high).length
      const of = `${agreed.length} of ${places.length} ${places.length === 1 ? 'Place' : 'Places'} agreed a level`
      const spread =
        low === high
          ? `All at ${label.get(low) ?? low} (${of})`
          : `From ${label.get(low) ?? low} (${atLow}) to ${label.get(high) ?? high} (${atHigh}); ${of}`
      return {
        areaId: area.id,
        title: area.title,
        byPlace: ids.map((id) => (id ? (label.get(id) ?? id) : null)),
        spread,
      }
    })
}
