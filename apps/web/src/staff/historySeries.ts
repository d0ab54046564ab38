import { plainDate } from '@co-assess/board-model'
import type { Framework } from '../framework/frameworkTypes.ts'
import type { WorkstreamHistory } from './staffApi.ts'

/** One assessment as a point in a workstream's history: how many areas were agreed at each level. */
export interface HistoryColumn {
  id: string
  title: string
  /** When it was set up, for people: "3 November 2026". */
  date: string
  /** The same moment for machines (a <time dateTime>), as the server gave it. */
  at: string
  /** Count per framework level, in the framework's order. */
  counts: number[]
}

export interface HistoryRow {
  areaId: string
  title: string
  /** The level's label per assessment, or null where none was agreed (or the area was not in scope). */
  levels: Array<string | null>
}

export interface HistorySeries {
  levels: Array<{ id: string; label: string }>
  columns: HistoryColumn[]
  rows: HistoryRow[]
}

/**
 * A workstream's history for the chart and the table: assessments oldest first, areas that any of
 * them agreed a level for, in the framework's order. The table holds every value the chart draws,
 * so it is the chart's full text alternative.
 */
export function historySeries(history: WorkstreamHistory, framework: Framework): HistorySeries {
  const levels = framework.levels.map((level) => ({ id: level.id, label: level.label }))
  const labelOf = new Map(levels.map((level) => [level.id, level.label]))
  const assessments = [...history.assessments].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const areas = framework.phases.flatMap((phase) => phase.areas)
  const columns = assessments.map((a) => {
    const agreed = Object.values(a.levels)
    return {
      id: a.id,
      title: a.title,
      date: plainDate(a.createdAt),
      at: a.createdAt,
      counts: levels.map((level) => agreed.filter((id) => id === level.id).length),
    }
  })
  const rows = areas
    .filter((area) => assessments.some((a) => a.levels[area.id] !== undefined))
    .map((area) => ({
      areaId: area.id,
      title: area.title,
      levels: assessments.map((a) => {
        const id = a.levels[area.id]
        return id === undefined ? null : (labelOf.get(id) ?? id)
      }),
    }))
  return { levels, columns, rows }
}

/** A sentence that says what the chart shows, for its description. */
export function historySummary(series: HistorySeries): string {
  if (series.columns.length === 0) return 'No assessments yet.'
  const parts = series.columns.map((column) => {
    const counted = column.counts
      .map((count, i) => (count > 0 ? `${count} ${series.levels[i]!.label}` : ''))
      .filter(Boolean)
    return `${column.date}: ${counted.length > 0 ? counted.join(', ') : 'no levels agreed'}`
  })
  return `Areas agreed at each level, by assessment. ${parts.join('. ')}.`
}
