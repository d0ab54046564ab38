import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

interface RubricFile {
  phases: Array<{ areas: Array<{ id: string; levels: Array<{ items: Array<{ id: string }> }> }> }>
}

/**
 * Every checklist item id of the CQC framework, read from the rubric file itself (so the cold-open
 * board has exactly the framework's size); 26 areas × 4 levels × 3 items if the file is absent.
 */
export function frameworkItems(): { areas: string[]; items: string[] } {
  try {
    const rubric = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../rubric/cqc-hi-2025.json'), 'utf8'),
    ) as RubricFile
    const areas = rubric.phases.flatMap((phase) => phase.areas)
    return {
      areas: areas.map((area) => area.id),
      items: areas.flatMap((area) => area.levels.flatMap((level) => level.items.map((item) => item.id))),
    }
  } catch {
    const areas = Array.from({ length: 26 }, (_, i) => `${1 + Math.floor(i / 4)}${'abcd'[i % 4]}`)
    const levels = ['emerging', 'developing', 'maturing', 'thriving']
    return {
      areas,
      items: areas.flatMap((area) =>
        levels.flatMap((level) => [1, 2, 3].map((n) => `${area}.${level}.${n}`)),
      ),
    }
  }
}
