/**
 * The id of the area a problem's path runs through (`phases[0].areas[2]…` → "1c"), read from the
 * unvalidated data, so a message can say "area 1c" as well as the path people cannot count by eye.
 */
export function areaOfPath(data: unknown, path: readonly PropertyKey[]): string | undefined {
  if (
    path[0] !== 'phases' ||
    typeof path[1] !== 'number' ||
    path[2] !== 'areas' ||
    typeof path[3] !== 'number'
  ) {
    return undefined
  }
  const phases = (data as { phases?: unknown } | null)?.phases
  const phase = Array.isArray(phases) ? (phases[path[1]] as { areas?: unknown } | undefined) : undefined
  const areas = phase?.areas
  const area = Array.isArray(areas) ? (areas[path[3]] as { id?: unknown } | undefined) : undefined
  return typeof area?.id === 'string' ? area.id : undefined
}
