import type { ChecklistItem, Framework, ImprovementArea, Phase } from './types.ts'

/** A checklist item with the phase, area and level it sits in. */
export interface FoundItem {
  phase: Phase
  area: ImprovementArea
  level: string
  item: ChecklistItem
}

/** The item with this id and where it sits, or undefined (a saved tick may name an item a corrected file dropped). */
export function findItem(framework: Framework, itemId: string): FoundItem | undefined {
  for (const phase of framework.phases) {
    for (const area of phase.areas) {
      // Item ids start with their area id (the schema checks it), so most areas are skipped at once.
      if (!itemId.startsWith(`${area.id}.`)) continue
      for (const entry of area.levels) {
        const item = entry.items.find((i) => i.id === itemId)
        if (item) return { phase, area, level: entry.level, item }
      }
    }
  }
  return undefined
}
