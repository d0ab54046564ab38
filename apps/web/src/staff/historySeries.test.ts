import { describe, expect, it } from 'vitest'
import { tinyFramework } from '../../test/tinyFramework.ts'
import { historySeries, historySummary } from './historySeries.ts'
import type { WorkstreamHistory } from './staffApi.ts'

describe('historySeries', () => {
  const history: WorkstreamHistory = {
    workstream: 'Mental health',
    frameworkId: tinyFramework.id,
    assessments: [
      {
        id: 'b',
        title: 'Autumn',
        createdAt: '2025-09-01T10:00:00.000Z',
        levels: { '1a': 'developing', '2a': 'emerging' },
      },
      { id: 'a', title: 'Spring', createdAt: '2025-03-01T10:00:00.000Z', levels: { '1a': 'emerging' } },
      { id: 'c', title: 'Next', createdAt: '2026-03-01T10:00:00.000Z', levels: { '1a': 'maturing' } },
    ],
  }

  it('puts any number of assessments in date order, counting areas at each level', () => {
    const series = historySeries(history, tinyFramework)
    expect(series.columns.map((c) => c.id)).toEqual(['a', 'b', 'c'])
    expect(series.levels.map((l) => l.id)).toEqual(['emerging', 'developing', 'maturing', 'thriving'])
    expect(series.columns.map((c) => c.counts)).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 0],
    ])
  })

  it('gives each area a row with its level per assessment, in the framework’s order', () => {
    const series = historySeries(history, tinyFramework)
    expect(series.rows.map((r) => r.areaId)).toEqual(['1a', '2a'])
    expect(series.rows[0]!.levels).toEqual(['Emerging', 'Developing', 'Maturing'])
    expect(series.rows[1]!.levels).toEqual([null, 'Emerging', null])
  })

  it('says what the chart shows in words', () => {
    expect(historySummary(historySeries(history, tinyFramework))).toContain(
      '1 September 2025: 1 Emerging, 1 Developing',
    )
  })

  it('dates each assessment in words for people, keeping the ISO time for machines', () => {
    const [spring] = historySeries(history, tinyFramework).columns
    expect(spring).toMatchObject({ date: '1 March 2025', at: '2025-03-01T10:00:00.000Z' })
    expect(historySummary(historySeries(history, tinyFramework))).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })
})
