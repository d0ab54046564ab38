import { NOT_ASSESSED, NOT_YET } from '@co-assess/board-model'
import type { FrameworkLevel } from '../framework/frameworkTypes.ts'

/** The name of a recorded or suggested level, including the two that sit outside the framework. */
export function levelLabel(level: string | null | undefined, levels: readonly FrameworkLevel[]): string {
  if (level === NOT_ASSESSED || level == null) return 'Not assessed'
  if (level === NOT_YET) return `Not yet at ${levels[0]?.label ?? 'the first level'}`
  return levels.find((l) => l.id === level)?.label ?? level
}

/**
 * What the overview says about an area's recorded level. An area the chair has not recorded says
 * "Not assessed" in words, so a gap or a missing colour never has to carry the meaning.
 */
export function recordedLevelText(
  agreed: { level: string } | undefined,
  levels: readonly FrameworkLevel[],
): string {
  return agreed ? `Agreed: ${levelLabel(agreed.level, levels)}` : 'Not assessed'
}

/** Every level a chair can record, in the order they are offered. */
export function recordableLevels(levels: readonly FrameworkLevel[]): Array<{ id: string; label: string }> {
  return [
    { id: NOT_ASSESSED, label: levelLabel(NOT_ASSESSED, levels) },
    { id: NOT_YET, label: levelLabel(NOT_YET, levels) },
    ...levels.map((l) => ({ id: l.id, label: l.label })),
  ]
}
