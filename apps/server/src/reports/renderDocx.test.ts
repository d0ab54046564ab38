import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildReportModel } from './buildReportModel.ts'
import { renderDocx } from './renderDocx.ts'
import { tinyAssessment, tinyBoard, tinyFramework } from './reportFixture.ts'

describe('renderDocx', () => {
  it('makes a Word file with real headings and the actions, with how each loop was closed', async () => {
    const buffer = await renderDocx(
      buildReportModel(tinyBoard(), tinyFramework, tinyAssessment, { names: false }),
    )
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string')
    expect(xml).toContain('w:val="Heading1"')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('Actions: you said, we did')
    expect(text).toContain('Evenings, please, near buses')
    expect(text).toContain('Raised by: Lived experience or community member')
    expect(text).toContain('Agreed: In session 1, started 2025-06-03')
    expect(text).toContain('People told: 2025-06-20')
    expect(text).toContain('How they were told: At the June forum')
    expect(text).toContain('Why dropped: No budget until April')
  })
})
