import type { Framework } from './types.ts'

/** The level's position from 0 (lowest), or -1 when the framework has no such level; for comparing levels. */
export function levelIndex(framework: Framework, levelId: string): number {
  return framework.levels.findIndex((level) => level.id === levelId)
}
