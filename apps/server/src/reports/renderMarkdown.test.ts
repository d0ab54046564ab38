import { describe, expect, it } from 'vitest'
import { tinyAssessment, tinyBoard, tinyFramework } from '../../test/reportFixture.ts'
import { buildReportModel } from './buildReportModel.ts'
import { renderMarkdown } from './renderMarkdown.ts'

describe('renderMarkdown', () => {
  it('keeps typed text from becoming links, HTML or table cells', () => {
    const md = renderMarkdown(buildReportModel(tinyBoard(), tinyFramework, tinyAssessment, { names: false }))
    expect(md).toContain('# Tiny & \\<small\\>')
    expect(md).toContain('\\[click\\]\\(http://evil\\) \\| moved')
    expect(md).not.toContain('Zoë')
  })

  it('lists who raised each action, why it was dropped, when it was agreed and how people were told', () => {
    const md = renderMarkdown(buildReportModel(tinyBoard(), tinyFramework, tinyAssessment, { names: false }))
    expect(md).toContain('- Raised by: Lived experience or community member\n')
    expect(md).toContain(
      '- Raised by: Voluntary, community or social enterprise \\(VCSE\\), Lived experience or community member\n',
    )
    expect(md).toContain('- Agreed: In session 1, started 3 June 2025\n')
    expect(md).toContain('- People told: 20 June 2025\n- How they were told: At the June forum\n')
    expect(md).toContain('- Status: Dropped\n- Why dropped: No budget until April\n')
  })
})
