import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { tinyAssessment, tinyBoard, tinyFramework } from '../../test/reportFixture.ts'
import { buildReportModel } from './buildReportModel.ts'
import { renderDocx } from './renderDocx.ts'

describe('renderDocx', () => {
  it('makes a Word file a docx reader opens, with real headings and the actions, with how each loop was closed', async () => {
    const buffer = await renderDocx(
      buildReportModel(tinyBoard(), tinyFramework, tinyAssessment, { names: false }),
    )
    // mammoth reads the file as Word would and maps Heading 1/2 styles to h1/h2, so a heading that
    // was only bold text, or a file it cannot read, fails here.
    const { value: html, messages } = await mammoth.convertToHtml({ buffer })
    expect(messages.filter((m) => m.type === 'error')).toEqual([])
    const headings = [...html.matchAll(/<(h[1-6])>(.*?)<\/\1>/g)].map((m) => `${m[1]} ${m[2]}`)
    expect(headings).toEqual(
      expect.arrayContaining([
        'h1 Agreed levels',
        'h1 Area by area',
        'h2 1a Identifying stakeholders',
        'h1 Actions: you said, we did',
        'h2 You said: Evenings, please, near buses',
        'h2 You said: Pay for travel',
        'h1 Who took part',
      ]),
    )
    // Text a person typed comes through as text, never as markup.
    expect(html).not.toContain('<script>')
    const { value: text } = await mammoth.extractRawText({ buffer })
    expect(text).toContain('Rationale: <script>alert(1)</script>')
    expect(text).toContain('Raised by: Lived experience or community member')
    expect(text).toContain('Agreed: In session 1, started 3 June 2025')
    expect(text).toContain('People told: 20 June 2025')
    expect(text).toContain('How they were told: At the June forum')
    expect(text).toContain('Why dropped: No budget until April')
  })
})
