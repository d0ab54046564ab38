import type { GlossaryEntry } from '@co-assess/framework'
import { describe, expect, it } from 'vitest'
import { glossaryMatcher, markTerms, termsIn } from './glossaryMarks.ts'

const entry = (id: string, forms: string[]): GlossaryEntry => ({
  id,
  term: forms[0]!,
  forms,
  definition: `${id}.`,
})
const glossary = [
  entry('ics', ['ICS', 'ICSs', 'integrated care system', 'integrated care systems']),
  entry('place', ['Place', 'Places', 'place levels']),
  entry('lived-experience', ['lived experience']),
  entry('vcse', ['VCSE']),
]
const matcher = glossaryMatcher(glossary)
const shape = (segments: ReturnType<typeof markTerms>[number]) =>
  segments.map((s) => (s.kind === 'term' ? `[${s.text}:${s.entry.id}]` : s.text)).join('')

describe('markTerms', () => {
  it('marks whole words, the longest form first, and only the first time on the page', () => {
    const [first, second] = markTerms(
      ['Integrated care systems (ICSs) work with VCSE partners and ICS staff.', 'Every ICS and VCSE group.'],
      matcher,
    )
    expect(shape(first!)).toBe(
      '[Integrated care systems:ics] (ICSs) work with [VCSE:vcse] partners and ICS staff.',
    )
    expect(shape(second!)).toBe('Every ICS and VCSE group.')
  })

  it('keeps a capitalised form apart from the ordinary word, and matches a lower-case form at a sentence start', () => {
    const [text] = markTerms(
      ['Lived experience is in place at place levels, and each Place has a say.'],
      matcher,
    )
    expect(shape(text!)).toBe(
      '[Lived experience:lived-experience] is in place at [place levels:place], and each Place has a say.',
    )
  })

  it('never marks part of a word, and leaves text without glossary words whole', () => {
    const [a, b] = markTerms(['ICSX and xICS and VCSE-led', 'Nothing to explain.'], matcher)
    expect(a).toEqual([{ kind: 'text', text: 'ICSX and xICS and VCSE-led' }])
    expect(b).toEqual([{ kind: 'text', text: 'Nothing to explain.' }])
  })

  it('works with an empty glossary', () => {
    expect(markTerms(['An ICS.'], glossaryMatcher([]))).toEqual([[{ kind: 'text', text: 'An ICS.' }]])
  })
})

describe('termsIn', () => {
  it('lists each entry found, once, in glossary order', () => {
    expect(termsIn(['VCSE and ICS', 'ICSs with lived experience'], matcher).map((e) => e.id)).toEqual([
      'ics',
      'lived-experience',
      'vcse',
    ])
  })
})
