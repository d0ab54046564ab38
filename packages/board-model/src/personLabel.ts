/**
 * What people type when a form asked for an organisation they do not have. The join form no longer
 * requires one, but boards joined before that hold these words, and "Maria Lopez, none" helps nobody.
 */
const NO_ORGANISATION = new Set([
  '',
  'none',
  'n/a',
  'na',
  'nil',
  '-',
  '--',
  'no organisation',
  'not applicable',
])

/** The organisation to show, or null when the person gave none. */
export function organisationShown(organisation: string | null | undefined): string | null {
  const text = (organisation ?? '').trim()
  return NO_ORGANISATION.has(text.toLowerCase()) ? null : text
}

/** "Maria Lopez, Leeds ICB", or "Maria Lopez" alone: never an empty or placeholder organisation. */
export function personLabel(person: { name: string; organisation?: string | null }): string {
  const organisation = organisationShown(person.organisation)
  return organisation ? `${person.name}, ${organisation}` : person.name
}
