import { describe, expect, it } from 'vitest'
import { checklistDocxPath, fileNameOf } from './paperEndpoints.ts'

describe('the paper checklist download', () => {
  it('reads the real name from filename*, else the plain one', () => {
    expect(
      fileNameOf(
        `attachment; filename="Co-assess checklist - Cafe_s review.docx"; filename*=UTF-8''Co-assess%20checklist%20-%20Caf%C3%A9%E2%80%99s%20review.docx`,
      ),
    ).toBe('Co-assess checklist - Café’s review.docx')
    expect(fileNameOf('attachment; filename="plain.docx"')).toBe('plain.docx')
    expect(fileNameOf(`attachment; filename="ok.docx"; filename*=UTF-8''%E0%A4%A`)).toBe('ok.docx')
    expect(fileNameOf(null)).toBeNull()
  })

  it('asks for the areas given, or for all of them', () => {
    expect(checklistDocxPath('abcd1234', ['1a'])).toBe('/api/assessments/abcd1234/checklist.docx?areas=1a')
    expect(checklistDocxPath('abcd1234')).toBe('/api/assessments/abcd1234/checklist.docx')
  })
})
