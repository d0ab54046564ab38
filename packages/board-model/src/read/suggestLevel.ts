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
    return {
      level: level.level,
      label: labelOf(level.level),
      inPlace,
      total,
      reached: total > 0 && inPlace >= total * LEVEL_THRESHOLD,
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
  const people = tally.respondents === 1 ? '1 person' : `${tally.respondents} people`
  const counts = progress.map((p) => `${p.inPlace} of ${p.total} ${p.label} items`).join(', ')
  const rule = `An item counts as in place when at least half of the ${people} who ticked in this area ticked it; a level is reached when two thirds of its items are in place and so is every level before it.`
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
