import { describe, expect, it } from 'vitest'
import { contentDisposition, humanFileName } from './contentDisposition.ts'

describe('download file names', () => {
  it('joins the human parts and drops what a file system refuses', () => {
    expect(
      humanFileName(['Co-assess checklist', 'Review: 2026/27 "draft"', '1a Our population'], 'docx'),
    ).toBe('Co-assess checklist - Review 2026 27 draft - 1a Our population.docx')
    expect(humanFileName(['  ', '...'], 'docx')).toBe('Co-assess.docx')
    expect(humanFileName(['x'.repeat(400)], 'docx')).toHaveLength(150 + '.docx'.length)
  })

  it('sends an ASCII fallback and the real name encoded as UTF-8', () => {
    const header = contentDisposition('Co-assess checklist - Café’s review (north).docx')
    expect(header).toBe(
      `attachment; filename="Co-assess checklist - Cafe_s review (north).docx"; filename*=UTF-8''Co-assess%20checklist%20-%20Caf%C3%A9%E2%80%99s%20review%20%28north%29.docx`,
    )
    // Nothing a header could be split or quoted out of.
    expect(contentDisposition('a"b\\c%.docx')).toMatch(
      /^attachment; filename="a_b_c_\.docx"; filename\*=UTF-8''a%22b%5Cc%25\.docx$/,
    )
  })
})
