import { parse } from 'csv-parse/sync'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { tinyBoardWithEvidence } from '../../test/evidenceFixture.ts'
import { tinyAssessment, tinyFramework } from '../../test/reportFixture.ts'
import type { Audience } from './audience.ts'
import { buildReportModel } from './buildReportModel.ts'
import { renderActionsCsv, renderEvidenceCsv } from './renderCsv.ts'
import { renderDocx } from './renderDocx.ts'
import { renderMarkdown } from './renderMarkdown.ts'
import { renderReportHtml } from './renderReportHtml.ts'

const modelFor = (audience: Audience, names = false) =>
  buildReportModel(tinyBoardWithEvidence().doc, tinyFramework, tinyAssessment, { audience, names })

const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { bom: true, columns: true })

describe('evidence and action plans in the outputs', () => {
  it("lists each area's evidence for the chair, with what was kept back marked, and retired evidence left out", () => {
    const rows = rowsOf(renderEvidenceCsv(modelFor('chair')))
    expect(rows.map((r) => [r.Area, r.Title, r['Shareable beyond the board']])).toEqual([
      ['1a', 'Forum minutes where a community member spoke', 'yes'],
      ['1a', 'What a carer told us in confidence', 'no'],
    ])
    expect(rows[0]).toMatchObject({
      Kind: 'Minutes or a decision',
      Link: 'https://example.org/forum-minutes.pdf',
      Date: '2025-05-20',
      Status: 'Current',
      'Accepted for level': 'Emerging',
      'Checklist items': '1a.emerging.1',
      'Added by': 'Café, Ça Va (Lived experience or community member)',
      'Peer reviewers': 'Southshire ICB (Peer reviewer) would want to see this: Could we see item 4?',
    })
  })

  it('keeps evidence not for sharing out of every other audience’s copy, saying only how many', async () => {
    for (const audience of ['participants', 'observers-and-reviewers'] as const) {
      const model = modelFor(audience)
      const rows = rowsOf(renderEvidenceCsv(model))
      expect(rows.map((r) => r.Title)).toEqual(['Forum minutes where a community member spoke'])
      const html = renderReportHtml(model)
      expect(html).not.toContain('in confidence')
      expect(html).toContain('1 piece of evidence is kept on the board only, not shared beyond it.')
      expect(renderMarkdown(model)).not.toContain('in confidence')
      const { value: text } = await mammoth.extractRawText({ buffer: await renderDocx(model) })
      expect(text).not.toContain('in confidence')
      expect(text).toContain('Forum minutes where a community member spoke')
    }
    // Observers and reviewers see no organisations, so the adder is only what they were there as.
    expect(rowsOf(renderEvidenceCsv(modelFor('observers-and-reviewers')))[0]!['Added by']).toBe(
      'A community member',
    )
    // The public audience sees no board words: no evidence at all.
    const publicModel = modelFor('public')
    expect(publicModel.phases.flatMap((p) => p.areas).flatMap((a) => a.evidence)).toEqual([])
  })

  it('shows names in evidence only in the chair’s copy with names', () => {
    const rows = rowsOf(renderEvidenceCsv(modelFor('chair', true)))
    expect(rows[0]!.Title).toBe('Forum minutes where Zoë <b>Ñúñez</b> spoke')
  })

  it('puts evidence in the HTML report with a link that opens, escaped', () => {
    const html = renderReportHtml(modelFor('chair'))
    expect(html).toContain('<h4>Evidence</h4>')
    expect(html).toContain('<a href="https://example.org/forum-minutes.pdf">')
    expect(html).toContain('accepted for Emerging')
    expect(html).toContain('not for sharing beyond the board')
    expect(html).not.toContain('Old survey, 2019')
  })

  it('puts evidence and the action plan in Word, with headings a reader finds', async () => {
    const buffer = await renderDocx(modelFor('participants'))
    const { value: html } = await mammoth.convertToHtml({ buffer })
    expect(html).toContain('<h3>Evidence</h3>')
    const { value: text } = await mammoth.extractRawText({ buffer })
    expect(text).toContain(
      'Minutes or a decision: Forum minutes where a community member spoke; dated 20 May 2025',
    )
    expect(text).toContain('Aims at: the level Thriving; 1a.thriving.1 Co-own projects')
    expect(text).toContain('Measure: People from the forum at each meeting')
    expect(text).toContain('Baseline: 2 in May 2025')
    expect(text).toContain('Review date: 1 December 2025')
    expect(text).toContain('Horizon: This year')
  })

  it('gives the action plan its own CSV columns, empty for an action without one', () => {
    const [agreed, dropped] = rowsOf(renderActionsCsv(modelFor('chair')))
    expect(agreed).toMatchObject({
      'Aims at level': 'Thriving',
      'Aims at items': '1a.thriving.1 Co-own projects',
      Horizon: 'This year',
      Measure: 'People from the forum at each meeting',
      Baseline: '2 in May 2025',
      'Review date': '2025-12-01',
    })
    expect(dropped).toMatchObject({ 'Aims at level': '', Measure: '', 'Review date': '' })
  })

  it('lists the plan in the HTML and Markdown action facts', () => {
    expect(renderReportHtml(modelFor('chair'))).toContain(
      '<dt>Measure</dt><dd>People from the forum at each meeting</dd>',
    )
    expect(renderMarkdown(modelFor('chair'))).toContain('Review date')
  })
})
