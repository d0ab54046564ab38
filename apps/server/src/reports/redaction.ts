import {
  DEFAULT_GROUPS,
  type GroupDef,
  groupLabel,
  organisationShown,
  type Person,
} from '@co-assess/board-model'
import { type Audience, type Disclosure, disclosureFor } from './audience.ts'
import {
  type CountRule,
  DEFAULT_SMALL_NUMBER_THRESHOLD,
  type ShownCount,
  showCount,
  showTotalAndParts,
} from './smallNumbers.ts'

/** How a person is referred to where their name may not appear: by what they were there as. */
export function groupPhrase(
  person: Pick<Person, 'role' | 'group'>,
  groups: readonly GroupDef[] = DEFAULT_GROUPS,
): string {
  switch (person.role) {
    case 'chair':
      return 'the chair'
    case 'observer':
      return 'an observer'
    case 'peer-reviewer':
      return 'a peer reviewer'
    case 'participant':
      switch (person.group) {
        case 'ics':
          return 'an ICS partner'
        case 'vcse':
          return 'a VCSE partner'
        case 'lived-experience':
          return 'a community member'
        case 'peer-reviewer':
          return 'a peer reviewer'
        case null:
          return 'a participant'
        default:
          // A group the chair added ("Healthwatch", "Carers"): named as the assessment names it.
          return `a participant from ${groupLabel(groups, person.group)}`
      }
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// A name stands alone: no letter or digit just before or after it (so "Ann" leaves "Annual" alone).
const alone = (pattern: string) => `(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`

interface NamePattern {
  pattern: RegExp
  phrase: string
}

/**
 * Every way a board person's name turns up in free text: the whole name (with or without the @ of a
 * mention, spacing and case as typed) and a mention by first name ("@Maria"). A one-word name
 * ("Will", "May", "Hope") is matched without the @ only with the capitals the person typed, so "we
 * will write" keeps its words. Longer names first, so "Maria Lopez" is replaced whole before
 * "Maria" could be.
 */
function namePatterns(people: Iterable<Person>, groups: readonly GroupDef[]): NamePattern[] {
  const found: Array<{ source: string; flags: string; length: number; phrase: string }> = []
  for (const person of people) {
    // An erased person's "name" is already the phrase that replaced it; there is no name left to find.
    if (person.erasedAt !== undefined) continue
    const words = person.name.normalize('NFKC').trim().split(/\s+/).filter(Boolean)
    const whole = words.join(' ')
    if (whole.length < 2) continue
    const phrase = groupPhrase(person, groups)
    const spaced = words.map(escapeRegExp).join('\\s+')
    const first = words[0]!
    if (words.length > 1) {
      found.push({ source: alone(`@?${spaced}`), flags: 'giu', length: whole.length, phrase })
      if (first.length >= 2)
        found.push({ source: alone(`@${escapeRegExp(first)}`), flags: 'giu', length: first.length, phrase })
    } else {
      found.push({ source: alone(`@${spaced}`), flags: 'giu', length: whole.length + 1, phrase })
      found.push({ source: alone(spaced), flags: 'gu', length: whole.length, phrase })
    }
  }
  return found
    .sort((a, b) => b.length - a.length)
    .map((f) => ({ pattern: new RegExp(f.source, f.flags), phrase: f.phrase }))
}

export interface Redaction {
  audience: Audience
  disclosure: Disclosure
  /** Free text a person typed (actions, notes, rationale): names of people on the board become their group. */
  text(value: string): string
  /** How a person is shown: name, organisation and group, or just what they were there as. */
  person(person: Person | undefined): string
  /** A count of people. */
  count(n: number): ShownCount
  /** A total and its parts, withheld together so a suppressed part cannot be worked out. */
  totalAndParts(total: number, parts: readonly number[]): { total: ShownCount; parts: ShownCount[] }
  threshold: number
}

/**
 * The one redaction step for an audience. Every output (report, Word, Markdown, CSV, the public
 * page, the comparison) builds its content through this, so what an audience may see of people's
 * names, organisations and words is decided here and nowhere else.
 */
export function redactionFor(
  audience: Audience,
  input: {
    people: Iterable<Person>
    names?: boolean
    threshold?: number
    groups?: readonly GroupDef[]
    /**
     * The output travels beyond the reader (a CSV, a comparison): small numbers are suppressed even
     * for an audience whose own report shows them exactly, unless the chair asked for the named
     * record, which lists who ticked anyway.
     */
    travels?: boolean
  },
): Redaction {
  const disclosure = disclosureFor(audience, input.names)
  const threshold = input.threshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD
  const exact = disclosure.exactCounts && (!input.travels || disclosure.names)
  const rule: CountRule = { threshold: exact ? 0 : threshold }
  const groups = input.groups ?? DEFAULT_GROUPS
  const patterns = disclosure.names ? [] : namePatterns(input.people, groups)
  return {
    audience,
    disclosure,
    threshold,
    text(value) {
      let out = value.normalize('NFKC')
      if (!patterns.length) return value
      for (const { pattern, phrase } of patterns) out = out.replace(pattern, phrase)
      return out === value.normalize('NFKC') ? value : out
    },
    person(person) {
      if (!person) return 'Someone who has left'
      const group =
        person.role === 'peer-reviewer' || person.group === 'peer-reviewer'
          ? 'Peer reviewer'
          : person.role === 'observer' && person.group === null
            ? 'Observer'
            : groupLabel(groups, person.group)
      // No organisation given (or "none" typed before it was optional): the group stands in, never a blank.
      const org = organisationShown(person.organisation)
      if (disclosure.names) return `${person.name} (${org ?? group})`
      if (disclosure.organisations) return org ? `${org} (${group})` : group
      const phrase = groupPhrase(person, groups)
      return phrase.charAt(0).toUpperCase() + phrase.slice(1)
    },
    count: (n) => showCount(n, rule),
    totalAndParts: (total, parts) => showTotalAndParts(total, parts, rule),
  }
}
