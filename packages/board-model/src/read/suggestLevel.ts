import { NOT_YET } from '../values.ts'
import type { AreaShape, LevelShape } from './areaShape.ts'
import type { AreaTally } from './tallyArea.ts'

/** A level counts as reached when at least this share of its items are in place. */
export const LEVEL_THRESHOLD = 2 / 3

export interface LevelProgress {
  level: string
  label: string
  inPlace: number
  total: number
  /** How many items must be in place for the level to be reached (two thirds, rounded up). */
  needed: number
  reached: boolean
}

export interface LevelSuggestion {
  /** A framework level id, `not-yet`, or null when nobody has ticked anything in the area yet. */
  level: string | null
  label: string
  explanation: string
  progress: LevelProgress[]
}

/**
 * Suggests a level from the ticks: an item is "in place" when at least half of the people who ticked
 * in this area ticked it; a level is reached when two thirds of its items are in place and every
 * level below it is reached too. The chair's recorded level is what counts; this is a starting point.
 */
export function suggestLevel(
  area: AreaShape,
  tally: AreaTally,
  levels: readonly LevelShape[],
): LevelSuggestion {
  const labelOf = (id: string) => levels.find((l) => l.id === id)?.label ?? id
  const progress: LevelProgress[] = area.levels.map((level) => {
    const inPlace = level.items.filter((item) => {
      const t = tally.items.get(item.id)
      return t !== undefined && t.respondents > 0 && t.ticked * 2 >= t.respondents
    }).length
    const total = level.items.length
    // inPlace ≥ total × 2/3 (LEVEL_THRESHOLD), in whole numbers so no rounding error decides it.
    const needed = Math.ceil((2 * total) / 3)
    return {
      level: level.level,
      label: labelOf(level.level),
      inPlace,
      total,
      needed,
      reached: total > 0 && inPlace >= needed,
    }
  })
  if (tally.respondents === 0) {
    return {
      level: null,
      label: 'No suggestion yet',
      explanation: 'Nobody has ticked any items in this area yet.',
      progress,
    }
  }
  let reached: LevelProgress | undefined
  for (const step of progress) {
    if (!step.reached) break
    reached = step
  }
  const n = tally.respondents
  const counts = progress.map((p) => `${p.inPlace} of ${p.total} ${p.label} items`).join(', ')
  // Said with this area's own numbers, so nobody has to work out what "half" and "two thirds" come to.
  const item =
    n === 1
      ? 'An item counts as in place when the one person who has ticked in this area ticked it.'
      : `An item counts as in place when at least ${Math.ceil(n / 2)} of the ${n} people who have ticked in this area ticked it (half or more).`
  const rule = `${item} A level is reached when about two thirds of its items are in place (the list says how many each level needs), and every level below it is reached too.`
  if (!reached) {
    return {
      level: NOT_YET,
      label: `Not yet at ${progress[0]?.label ?? 'the first level'}`,
      explanation: `In place: ${counts}. ${rule}`,
      progress,
    }
  }
  return { level: reached.level, label: reached.label, explanation: `In place: ${counts}. ${rule}`, progress }
}
