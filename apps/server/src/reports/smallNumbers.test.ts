import { initBoard, type StakeholderGroup, setTick, upsertPerson } from '@co-assess/board-model'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tinyAssessment, tinyFramework } from '../../test/reportFixture.ts'
import type { Audience } from './audience.ts'
import { buildReportModel } from './buildReportModel.ts'
import { renderItemsCsv } from './renderCsv.ts'
import { renderMarkdown } from './renderMarkdown.ts'
import { showCount, showTotalAndParts } from './smallNumbers.ts'

describe('small-number suppression', () => {
  it('reads 0, 1 and 2 as "fewer than 3" and shows 3 exactly', () => {
    const rule = { threshold: 3 }
    expect([0, 1, 2, 3].map((n) => showCount(n, rule))).toEqual([
      'fewer than 3',
      'fewer than 3',
      'fewer than 3',
      3,
    ])
    // The chair's report: threshold 0, every count exact.
    expect([0, 1, 2, 3].map((n) => showCount(n, { threshold: 0 }))).toEqual([0, 1, 2, 3])
  })

  it('withholds a total when one of its parts is suppressed, so the part cannot be subtracted out', () => {
    expect(showTotalAndParts(4, [3, 1], { threshold: 3 })).toEqual({
      total: 'not shown',
      parts: [3, 'fewer than 3'],
    })
    expect(showTotalAndParts(2, [1, 1], { threshold: 3 })).toEqual({
      total: 'fewer than 3',
      parts: ['fewer than 3', 'fewer than 3'],
    })
    expect(showTotalAndParts(6, [3, 3], { threshold: 3 })).toEqual({ total: 6, parts: [3, 3] })
  })

  // Item 1a.emerging.1 is ticked by 0, 1a.thriving.1 by 1, 1b.emerging.1 by 2 ICS people; three
  // ICS people respond in 1a, one lived-experience person too ("Lived experience: 1 of 1").
  function board(): Y.Doc {
    const doc = new Y.Doc()
    initBoard(doc, { assessmentId: 'asmt-1', frameworkId: 'tiny', frameworkVersion: '1.0.0' })
    const join = (id: string, group: StakeholderGroup) =>
      upsertPerson(doc, {
        id,
        name: id,
        organisation: `${id} org`,
        group,
        role: 'participant',
        colour: '#005eb8',
        joinedAt: 1,
      })
    for (const id of ['i1', 'i2', 'i3']) join(id, 'ics')
    join('le', 'lived-experience')
    setTick(doc, 'i1', '1a.emerging.1', false, 1)
    setTick(doc, 'i2', '1a.emerging.1', false, 1)
    setTick(doc, 'i3', '1a.thriving.1', true, 1)
    setTick(doc, 'le', '1a.thriving.1', true, 1)
    setTick(doc, 'i1', '1b.emerging.1', true, 1)
    setTick(doc, 'i2', '1b.emerging.1', true, 1)
    setTick(doc, 'i3', '1b.emerging.1', true, 1)
    return doc
  }
  const model = (audience: Audience) =>
    buildReportModel(board(), tinyFramework, tinyAssessment, { audience, names: false })

  it('suppresses counts 0, 1 and 2 in every audience but the chair, who sees them exactly', () => {
    const items = (audience: Audience) =>
      new Map(model(audience).phases[0]!.areas.flatMap((a) => a.items.map((i) => [i.id, i])))
    const chair = items('chair')
    expect(chair.get('1a.emerging.1')).toMatchObject({ ticked: 0, respondents: 4 })
    expect(chair.get('1a.thriving.1')?.byGroup).toEqual([
      { group: 'ics', label: expect.any(String), ticked: 1, respondents: 3 },
      { group: 'lived-experience', label: expect.any(String), ticked: 1, respondents: 1 },
    ])
    for (const audience of ['participants', 'observers-and-reviewers'] as const) {
      const shown = items(audience)
      expect(shown.get('1a.emerging.1')?.ticked).toBe('fewer than 3')
      // One lived-experience respondent: their group reads "fewer than 3 of fewer than 3", and the
      // totals are withheld, or 2 of 4 overall less 1 of 3 ICS would give their tick away.
      expect(shown.get('1a.thriving.1')).toMatchObject({
        ticked: 'fewer than 3',
        respondents: 'not shown',
        byGroup: [
          { group: 'ics', ticked: 'fewer than 3', respondents: 3 },
          { group: 'lived-experience', ticked: 'fewer than 3', respondents: 'fewer than 3' },
        ],
      })
      expect(shown.get('1b.emerging.1')).toMatchObject({ ticked: 3, respondents: 3 })
      expect(model(audience).phases[0]!.areas[0]!.respondents).toBe('not shown')
    }
    // Participants see organisations, one person each; observers and reviewers see groups only.
    expect(model('participants').takingPart.map((t) => t.count)).toEqual(Array(4).fill('fewer than 3'))
    expect(model('observers-and-reviewers').takingPart).toEqual([
      { organisation: null, group: 'ICS or statutory organisation', count: 3 },
      { organisation: null, group: 'Lived experience or community member', count: 'fewer than 3' },
    ])
  })

  it('prints "fewer than 3" in the Markdown and CSV, and lists no ticker outside the chair\'s copy', () => {
    const md = renderMarkdown(model('participants'))
    expect(md).toContain('| fewer than 3 of not shown |')
    expect(md).toContain('Lived experience or community member: fewer than 3 of fewer than 3')
    expect(md).not.toContain('of 1')
    const rows: Record<string, string>[] = parse(renderItemsCsv(model('observers-and-reviewers')), {
      bom: true,
      columns: true,
    })
    expect(Object.keys(rows[0]!)).not.toContain('Ticked by')
    expect(rows.find((r) => r.Item === '1a.thriving.1')!['Lived experience ticked']).toBe('fewer than 3')
    const chairRows: Record<string, string>[] = parse(renderItemsCsv(model('chair')), {
      bom: true,
      columns: true,
    })
    expect(chairRows.find((r) => r.Item === '1a.thriving.1')!['Ticked by']).toBe(
      'i3 org (ICS or statutory organisation); le org (Lived experience or community member)',
    )
  })
})
