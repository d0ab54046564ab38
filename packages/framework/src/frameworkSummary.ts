import type { Framework } from './types.ts'

/** What a list of frameworks shows: identity and size, without the content. */
export interface FrameworkSummary {
  id: string
  version: string
  title: string
  phases: number
  areas: number
  items: number
}

export function frameworkSummary(framework: Framework): FrameworkSummary {
  const areas = framework.phases.flatMap((phase) => phase.areas)
  return {
    id: framework.id,
    version: framework.version,
    title: framework.title,
    phases: framework.phases.length,
    areas: areas.length,
    items: areas.reduce((sum, area) => sum + area.levels.reduce((n, entry) => n + entry.items.length, 0), 0),
  }
}
