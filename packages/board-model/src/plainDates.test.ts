import { describe, expect, it } from 'vitest'
import { plainDate } from './plainDates.ts'

describe('dates as people read them', () => {
  it('writes a calendar date out in words', () => {
    expect(plainDate('2027-01-31')).toBe('31 January 2027')
    expect(plainDate('2026-12-02')).toBe('2 December 2026')
  })
  it('gives a moment the day it was in the UK', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(plainDate('2026-06-30T23:30:00Z')).toBe('1 July 2026')
    expect(plainDate(Date.UTC(2026, 11, 2, 9))).toBe('2 December 2026')
  })
  it('leaves what is not a date as it was', () => {
    expect(plainDate('soon')).toBe('soon')
  })
})
