import { describe, expect, it } from 'vitest'
import { tinyAssessment, tinyBoard, tinyFramework, ZOE } from '../../test/reportFixture.ts'
import { buildReportModel } from './buildReportModel.ts'
import { renderReportHtml } from './renderReportHtml.ts'

describe('renderReportHtml', () => {
  it('escapes what people typed and shows names only when asked', () => {
    const doc = tinyBoard()
    const html = renderReportHtml(buildReportModel(doc, tinyFramework, tinyAssessment, { names: false }))
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('Tiny &amp; &lt;small&gt;')
    expect(html).not.toContain('Zoë')
    expect(html).toContain('Café, Ça Va')
    expect(html).toContain('Audit 2024')
    expect(html).toContain('<strong>Emerging</strong>')
    const named = renderReportHtml(buildReportModel(doc, tinyFramework, tinyAssessment, { names: true }))
    expect(named).toContain('Zoë &lt;b&gt;Ñúñez&lt;/b&gt;')
    expect(named).not.toContain(ZOE)
  })

  it('gives every heat-map cell its level in words', () => {
    const html = renderReportHtml(
      buildReportModel(tinyBoard(), tinyFramework, tinyAssessment, { names: false }),
    )
    expect(html).toMatch(/1a<\/a> Identifying stakeholders<br><strong>Emerging<\/strong>/)
    expect(html).toMatch(/1b<\/a> Reviewing evidence<br><strong>Not recorded<\/strong>/)
  })

  it('shows who raised each action, why it was dropped, when it was agreed and how people were told', () => {
    const html = renderReportHtml(
      buildReportModel(tinyBoard(), tinyFramework, tinyAssessment, { names: false }),
    )
    expect(html).toContain('<dt>Raised by</dt><dd>Lived experience or community member</dd>')
    expect(html).toContain('<dt>Agreed</dt><dd>In session 1, started 3 June 2025</dd>')
    expect(html).toContain('<dt>People told</dt><dd>20 June 2025</dd>')
    expect(html).toContain('<dt>How they were told</dt><dd>At the June forum</dd>')
    expect(html).toContain('<dt>Why dropped</dt><dd>No budget until April</dd>')
    expect(html).toContain('<dt>People told</dt><dd>Not yet told what happened</dd>')
  })
})
