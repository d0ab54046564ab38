import { describe, expect, it } from 'vitest'
import { isBulk } from './isBulk.ts'

describe('isBulk', () => {
  it('reads the board again whole only when more than 256 keys and a quarter of its ticks changed', () => {
    expect(isBulk(257, 1000)).toBe(true)
    expect(isBulk(256, 256)).toBe(false)
    expect(isBulk(300, 1200)).toBe(false)
    expect(isBulk(301, 1200)).toBe(true)
    // A first sync into an empty board: every key is new.
    expect(isBulk(8400, 8400)).toBe(true)
  })
})
