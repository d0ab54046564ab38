import type { Framework, FrameworkArea, FrameworkPhase } from './frameworkTypes.ts'

export interface AreaPlace {
  area: FrameworkArea
  phase: FrameworkPhase
  previous: FrameworkArea | null
  next: FrameworkArea | null
}

/** Every area in reading order with its phase, so navigation needs no nested searches. */
export function indexFramework(framework: Framework): Map<string, AreaPlace> {
  const flat = framework.phases.flatMap((phase) => phase.areas.map((area) => ({ area, phase })))
  const index = new Map<string, AreaPlace>()
  flat.forEach(({ area, phase }, i) => {
    index.set(area.id, {
      area,
      phase,
      previous: flat[i - 1]?.area ?? null,
      next: flat[i + 1]?.area ?? null,
    })
  })
  return index
}
