import type { ItemTally } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import { describeTally } from './tallyText.ts'

const tally = (over: Partial<ItemTally>): ItemTally => ({
  itemId: '1a.emerging.1',
  ticked: 0,
  respondents: 0,
  byGroup: [],
  disagreement: false,
  tickedBy: [],
  ...over,
})

describe('describeTally', () => {
  it('says when nobody has ticked yet', () => {
    expect(describeTally(undefined).summary).toBe('Nobody has ticked in this area yet')
    expect(describeTally(tally({})).groups).toEqual([])
  })

  it('counts by group and names a disagreement in words', () => {
    const text = describeTally(
      tally({
        ticked: 2,
        respondents: 4,
        disagreement: true,
        byGroup: [
          { group: 'ics', ticked: 2, respondents: 2 },
          { group: 'vcse', ticked: 0, respondents: 2 },
        ],
      }),
    )
    expect(text.summary).toBe('2 of 4 people think this is in place')
    expect(text.groups).toEqual([
      { group: 'ics', label: 'ICS', text: '2 of 2' },
      { group: 'vcse', label: 'VCSE', text: '0 of 2' },
    ])
    expect(text.disagreement).toBe('Groups disagree: most ICS say it is in place; most VCSE do not.')
  })

  it('says "half" for a group split exactly in two, not "most"', () => {
    const twoGroups = describeTally(
      tally({
        ticked: 1,
        respondents: 4,
        disagreement: true,
        byGroup: [
          { group: 'ics', ticked: 1, respondents: 2 },
          { group: 'vcse', ticked: 0, respondents: 2 },
        ],
      }),
    )
    expect(twoGroups.disagreement).toBe('Groups disagree: half of ICS say it is in place; most VCSE do not.')
    const threeGroups = describeTally(
      tally({
        ticked: 4,
        respondents: 7,
        disagreement: true,
        byGroup: [
          { group: 'ics', ticked: 2, respondents: 3 },
          { group: 'vcse', ticked: 2, respondents: 4 },
          { group: 'lived-experience', ticked: 0, respondents: 1 },
        ],
      }),
    )
    expect(threeGroups.disagreement).toBe(
      'Groups disagree: most ICS and half of VCSE say it is in place; most Lived experience do not.',
    )
  })

  it('reads well for one person and for none', () => {
    expect(
      describeTally(
        tally({ ticked: 1, respondents: 1, byGroup: [{ group: 'ics', ticked: 1, respondents: 1 }] }),
      ).summary,
    ).toBe('1 of 1 person thinks this is in place')
    expect(describeTally(tally({ ticked: 0, respondents: 3 })).summary).toBe(
      'None of the 3 people who ticked in this area ticked this',
    )
  })
})
