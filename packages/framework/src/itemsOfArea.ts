import type { ChecklistItem, ImprovementArea } from './types.ts'

/** All of an area's checklist items, lowest level first. */
export function itemsOfArea(area: ImprovementArea): ChecklistItem[] {
  return area.levels.flatMap((entry) => entry.items)
}
