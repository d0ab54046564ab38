import type { Person } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import { redactionFor } from './redaction.ts'

const person = (over: Partial<Person>): Person => ({
  id: 'p',
  name: 'Maria Lopez',
  organisation: 'Riverside Food Bank',
  group: 'vcse',
  role: 'participant',
  colour: '#005eb8',
  joinedAt: 0,
  ...over,
})
const people = [
  person({ id: 'm' }),
  person({ id: 'a', name: 'Ann', group: 'lived-experience' }),
  person({ id: 'c', name: 'Ama Owusu', group: 'ics', role: 'chair' }),
  person({ id: 'r', name: 'Rae Kim', group: 'peer-reviewer', role: 'peer-reviewer' }),
]

describe('redaction', () => {
  it('turns a board person named in free text into their group, however it is typed', () => {
    const { text } = redactionFor('participants', { people })
    expect(text('Agree with @Maria Lopez – paper forms')).toBe('Agree with a VCSE partner – paper forms')
    expect(text('as MARIA   lopez said, and @maria again')).toBe(
      'as a VCSE partner said, and a VCSE partner again',
    )
    expect(text('Ann raised it in the Annual review')).toBe(
      'a community member raised it in the Annual review',
    )
    expect(text('Ask @Ama, or Rae Kim')).toBe('Ask the chair, or a peer reviewer')
    // A first name without the @ is left: too many names are also words.
    expect(text('Maria raised it')).toBe('Maria raised it')
    expect(text('Nothing personal here')).toBe('Nothing personal here')
  })

  it('matches a one-word name that is also a word only as its owner capitalised it', () => {
    const { text } = redactionFor('public', { people: [person({ name: 'Will' })] })
    expect(text('We will write to everyone')).toBe('We will write to everyone')
    expect(text('Will asked for it; thanks @will')).toBe('a VCSE partner asked for it; thanks a VCSE partner')
  })

  it("leaves names as typed only in the chair's copy with names, and says who a person is per audience", () => {
    const maria = people[0]
    expect(redactionFor('chair', { people, names: true }).text('@Maria Lopez')).toBe('@Maria Lopez')
    expect(redactionFor('chair', { people }).text('@Maria Lopez')).toBe('a VCSE partner')
    expect(redactionFor('chair', { people, names: true }).person(maria)).toBe(
      'Maria Lopez (Riverside Food Bank)',
    )
    expect(redactionFor('chair', { people }).person(maria)).toBe(
      'Riverside Food Bank (Voluntary, community or social enterprise (VCSE))',
    )
    expect(redactionFor('observers-and-reviewers', { people }).person(maria)).toBe('A VCSE partner')
    expect(() => redactionFor('public', { people, names: true })).toThrow(/never shown/)
  })

  it('suppresses counts below the threshold except for the chair', () => {
    expect([0, 1, 2, 3].map(redactionFor('public', { people }).count)).toEqual([
      'fewer than 3',
      'fewer than 3',
      'fewer than 3',
      3,
    ])
    expect([0, 1, 2, 3].map(redactionFor('chair', { people }).count)).toEqual([0, 1, 2, 3])
    expect(redactionFor('participants', { people, threshold: 5 }).count(4)).toBe('fewer than 5')
  })
})
