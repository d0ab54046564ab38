import { describe, expect, it } from 'vitest'
import { buildReportModel } from './buildReportModel.ts'
import { renderMarkdown } from './renderMarkdown.ts'
import { tinyAssessment, tinyBoard, tinyFramework } from './reportFixture.ts'

describe('renderMarkdown', () => {
  it('keeps typed text from becoming links, HTML or table cells', () => {
    const md = renderMarkdown(buildReportModel(tinyBoard(), tinyFramework, tinyAssessment, { names: false }))
    expect(md).toContain('# Tiny & \\<small\\>')
    expect(md).toContain('\\[click\\]\\(http://evil\\) \\| moved')
    expect(md).not.toContain('Zoë')
  })
})
