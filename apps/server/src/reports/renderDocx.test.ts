import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildReportModel } from './buildReportModel.ts'
import { renderDocx } from './renderDocx.ts'
import { tinyAssessment, tinyBoard, tinyFramework } from './reportFixture.ts'

describe('renderDocx', () => {
  it('makes a Word file with real headings and the actions', async () => {
    const buffer = await renderDocx(
      buildReportModel(tinyBoard(), tinyFramework, tinyAssessment, { names: false }),
    )
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string')
    expect(xml).toContain('w:val="Heading1"')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('Actions: you said, we did')
    expect(text).toContain('Evenings, please, near buses')
  })
})
