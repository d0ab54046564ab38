import type { Framework, ImprovementArea } from './types.ts'

/** The area with this id, or undefined: ids come from saved boards and URLs, so absence is expected. */
export function findArea(framework: Framework, areaId: string): ImprovementArea | undefined {
  for (const phase of framework.phases) {
    const area = phase.areas.find((a) => a.id === areaId)
    if (area) return area
  }
  return undefined
}
