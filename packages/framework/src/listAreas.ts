import type { Framework, ImprovementArea } from './types.ts'

/** Every improvement area, in document order across the phases. */
export function listAreas(framework: Framework): ImprovementArea[] {
  return framework.phases.flatMap((phase) => phase.areas)
}
