import { describe, expect, it } from 'vitest'
import { contentDisposition } from './contentDisposition.ts'
import { reportFileName } from './reportFileName.ts'

describe('report downloads are named for people', () => {
  it('says what it is, for which assessment, and the day it was made', () => {
    const made = new Date(Date.UTC(2026, 11, 2, 10))
    expect(reportFileName('report', 'Engagement review 2026', 'docx', made)).toBe(
      'Co-assess report - Engagement review 2026 - 2 December 2026.docx',
    )
  })
  it('is safe in a header and on every file system, keeping the real name in filename*', () => {
    const name = reportFileName(
      'actions',
      'Bradford: "Café" review/2026',
      'csv',
      new Date(Date.UTC(2027, 0, 31)),
    )
    expect(name).toBe('Co-assess actions - Bradford Café review 2026 - 31 January 2027.csv')
    expect(contentDisposition(name)).toBe(
      `attachment; filename="Co-assess actions - Bradford Cafe review 2026 - 31 January 2027.csv"; filename*=UTF-8''Co-assess%20actions%20-%20Bradford%20Caf%C3%A9%20review%202026%20-%2031%20January%202027.csv`,
    )
  })
})
