import type { Person } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import { countWithShare, tickingText, voiceRows } from './voiceBalanceText.ts'

const person = (name: string, group: string): Person => ({
  id: name,
  name,
  organisation: 'Leeds ICB',
  group,
  role: 'participant',
  colour: '#005eb8',
  joinedAt: 0,
})

describe('voice balance wording', () => {
  it('gives each count its share of the total', () => {
    expect(countWithShare(2, 6)).toBe('2 (33%)')
    expect(countWithShare(0, 6)).toBe('0')
    expect(countWithShare(0, 0)).toBe('0')
    expect(
      voiceRows({
        groups: [{ group: 'vcse', people: 1, ticks: 3, comments: 0, actions: 1 }],
        totals: { people: 4, ticks: 12, comments: 5, actions: 1 },
      }),
    ).toEqual([
      {
        group: 'vcse',
        label: 'VCSE',
        people: '1 (25%)',
        ticks: '3 (25%)',
        comments: '0',
        actions: '1 (100%)',
      },
    ])
  })

  it('names who has not ticked on an open area', () => {
    expect(
      tickingText({
        mode: 'open',
        ticked: 1,
        expected: 3,
        notYet: [person('Bo Khan', 'ics'), person('Cy Patel', 'vcse')],
      }),
    ).toEqual({
      count: '1 of 3 people here have ticked this area.',
      names: 'Not ticked yet: Bo Khan (ICS), Cy Patel (VCSE).',
    })
    expect(tickingText({ mode: 'open', ticked: 2, expected: 2, notYet: [] }).count).toBe(
      'All 2 people here have ticked this area.',
    )
  })

  it('in a blind round says how many and never who', () => {
    const text = tickingText({ mode: 'blind', ticked: 1, expected: 3, notYet: [person('Bo Khan', 'ics')] })
    expect(text.count).toBe(
      '1 of 3 have ticked. This is a blind round, so you see only how many, not who or what.',
    )
    expect(text.names).toBeNull()
    expect(tickingText({ mode: 'blind', ticked: 4, expected: 3, notYet: [] }).count).toMatch(
      /^4 of 4 have ticked/,
    )
    expect(tickingText({ mode: 'blind', ticked: null, expected: 3, notYet: [] }).count).toMatch(/Waiting/)
  })
})
