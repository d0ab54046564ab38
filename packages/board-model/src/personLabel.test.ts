import { describe, expect, it } from 'vitest'
import { organisationShown, personLabel } from './personLabel.ts'

describe('a person as shown to others', () => {
  it('shows the organisation they gave', () => {
    expect(personLabel({ name: 'Maria Lopez', organisation: 'Leeds ICB' })).toBe('Maria Lopez, Leeds ICB')
  })
  it('shows the name alone when no organisation was given, or a placeholder was typed', () => {
    for (const organisation of ['', '  ', 'none', 'None', 'N/A', '-', undefined, null]) {
      expect(personLabel({ name: 'Maria Lopez', organisation })).toBe('Maria Lopez')
      expect(organisationShown(organisation)).toBeNull()
    }
  })
  it('keeps an organisation whose name merely contains such a word', () => {
    expect(organisationShown('None Left Behind CIC')).toBe('None Left Behind CIC')
  })
})
