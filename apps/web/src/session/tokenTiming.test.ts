import { describe, expect, it } from 'vitest'
import { msUntilRefresh, REFRESH_MARGIN_MS } from './tokenTiming.ts'

describe('msUntilRefresh', () => {
  const now = Date.parse('2025-06-01T10:00:00Z')
  it('waits until the margin before expiry', () => {
    expect(msUntilRefresh('2025-06-01T12:00:00Z', now)).toBe(2 * 3600_000 - REFRESH_MARGIN_MS)
  })
  it('asks for a refresh now when close to or past expiry, or when the date is unreadable', () => {
    expect(msUntilRefresh('2025-06-01T10:05:00Z', now)).toBe(0)
    expect(msUntilRefresh('2025-06-01T09:00:00Z', now)).toBe(0)
    expect(msUntilRefresh('soon', now)).toBe(0)
  })
})
