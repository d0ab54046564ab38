import type { Framework } from '../framework/frameworkTypes.ts'

/**
 * The framework as one assessment uses it: only the areas its lead put in scope, and only phases that
 * keep at least one, so the board, its areas and its counts offer nothing else. An assessment with no
 * plan (made before scoping, or through the API) has every area.
 */
export function scopedFramework(framework: Framework, areaIds: readonly string[] | undefined): Framework {
  if (!areaIds) return framework
  const inScope = new Set(areaIds)
  const phases = framework.phases
    .map((phase) => ({ ...phase, areas: phase.areas.filter((area) => inScope.has(area.id)) }))
    .filter((phase) => phase.areas.length > 0)
  // A plan naming no area this framework has would leave an empty board: show it whole instead.
  return phases.length > 0 ? { ...framework, phases } : framework
}

/**
 * The area ids an assessment's plan put in scope; records without a plan (older, or made through the
 * API) have none. Read defensively: a board copy kept on the device may predate plans.
 */
export function plannedAreas(assessment: object): string[] | undefined {
  const plan = (assessment as { plan?: { areaIds?: unknown } | null }).plan
  const ids = plan?.areaIds
  return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : undefined
}
