import { NOT_ASSESSED, NOT_YET } from '@co-assess/board-model'
import type { FrameworkLevel } from '../framework/frameworkTypes.ts'

/** Where a recorded level sits on the framework's ladder: 0 for "not yet", null when not assessed. */
export function levelRank(
  level: string | null | undefined,
  levels: readonly FrameworkLevel[],
): number | null {
  if (level == null || level === NOT_ASSESSED) return null
  if (level === NOT_YET) return 0
  const index = levels.findIndex((l) => l.id === level)
  return index === -1 ? null : index + 1
}

/** Whether the level moved since the previous assessment, in words. */
export function movementText(
  then: string | null | undefined,
  now: string | null | undefined,
  levels: readonly FrameworkLevel[],
): string {
  if (now == null) return 'No level agreed yet this time.'
  const a = levelRank(then, levels)
  const b = levelRank(now, levels)
  if (a === null || b === null) return 'Cannot compare: a level was not assessed.'
  if (b > a) return `Moved up ${b - a === 1 ? '1 level' : `${b - a} levels`}.`
  if (b < a) return `Moved down ${a - b === 1 ? '1 level' : `${a - b} levels`}.`
  return 'No change in level.'
}
