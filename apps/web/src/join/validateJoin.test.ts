import { describe, expect, it } from 'vitest'
import { validateJoin } from './validateJoin.ts'

describe('validateJoin', () => {
  it('asks for each missing answer', () => {
    expect(validateJoin({ displayName: ' ', organisation: '', group: '' }, true)).toEqual({
      displayName: 'Enter your name',
      group: 'Select the group you are here for',
    })
  })
  it('accepts a complete form, and no group when the invite sets it', () => {
    expect(validateJoin({ displayName: 'Ana', organisation: 'Leeds ICB', group: 'ics' }, true)).toEqual({})
    expect(validateJoin({ displayName: 'Ana', organisation: 'Leeds ICB', group: '' }, false)).toEqual({})
    // The organisation is optional: people without one no longer type "none".
    expect(validateJoin({ displayName: 'Ana', organisation: '  ', group: 'ics' }, true)).toEqual({})
  })
  it('limits lengths', () => {
    expect(
      validateJoin({ displayName: 'a'.repeat(81), organisation: 'b'.repeat(121), group: 'vcse' }, true),
    ).toEqual({
      displayName: 'Your name must be 80 characters or fewer',
      organisation: 'Organisation must be 120 characters or fewer',
    })
  })
})
