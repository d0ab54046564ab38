import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

interface RubricFile {
  phases: Array<{ areas: Array<{ id: string; levels: Array<{ items: Array<{ id: string }> }> }> }>
}

/**
 * Every area and checklist item id of the CQC framework, read from the rubric file itself: the write
 * gate accepts ticks only for the framework's items, so tests and benchmarks write real ones.
 */
export function frameworkItems(): { areas: string[]; items: string[] } {
  const rubric = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../rubric/cqc-hi-2025.json'), 'utf8'),
  ) as RubricFile
  const areas = rubric.phases.flatMap((phase) => phase.areas)
  return {
    areas: areas.map((area) => area.id),
    items: areas.flatMap((area) => area.levels.flatMap((level) => level.items.map((item) => item.id))),
  }
}
