import type { ItemTally } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import { describeAreaTicking, describeTally } from './tallyText.ts'

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
  it('shows nothing under an item nobody ticked, and tells a screen reader so', () => {
    for (const t of [
      undefined,
      tally({}),
      tally({ respondents: 3, byGroup: [{ group: 'ics', ticked: 0, respondents: 3 }] }),
    ]) {
      const text = describeTally(t)
      expect(text.summary).toBeNull()
      expect(text.groups).toEqual([])
      expect(text.spoken).toBe('Nobody has ticked this yet.')
    }
  })

  it('counts by group and names a disagreement with the numbers, not "most"', () => {
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
    expect(text.spoken).toBe(text.summary)
    expect(text.groups).toEqual([
      { group: 'ics', label: 'ICS', text: '2 of 2' },
      { group: 'vcse', label: 'VCSE', text: '0 of 2' },
    ])
    expect(text.disagreement).toBe(
      'Groups disagree: both ICS people say it is in place; neither VCSE partner does.',
    )
  })

  it('calls one person of a group "the one …", as the room would', () => {
    const text = describeTally(
      tally({
        ticked: 1,
        respondents: 2,
        disagreement: true,
        byGroup: [
          { group: 'ics', ticked: 1, respondents: 1 },
          { group: 'vcse', ticked: 0, respondents: 1 },
        ],
      }),
    )
    expect(text.disagreement).toBe(
      'Groups disagree: the one ICS person says it is in place; the one VCSE partner does not.',
    )
  })

  it('gives a split group its numbers', () => {
    const threeGroups = describeTally(
      tally({
        ticked: 5,
        respondents: 8,
        disagreement: true,
        byGroup: [
          { group: 'ics', ticked: 2, respondents: 3 },
          { group: 'vcse', ticked: 2, respondents: 4 },
          { group: 'lived-experience', ticked: 1, respondents: 4 },
        ],
      }),
    )
    expect(threeGroups.disagreement).toBe(
      'Groups disagree: 2 of the 3 ICS people and 2 of the 4 VCSE partners say it is in place; only 1 of the 4 people with lived experience does.',
    )
    const many = describeTally(
      tally({
        ticked: 3,
        respondents: 6,
        disagreement: true,
        byGroup: [
          { group: 'ics', ticked: 3, respondents: 3 },
          { group: 'lived-experience', ticked: 0, respondents: 3 },
        ],
      }),
    )
    expect(many.disagreement).toBe(
      'Groups disagree: all 3 ICS people say it is in place; none of the 3 people with lived experience do.',
    )
  })

  it('reads well for one person', () => {
    expect(
      describeTally(
        tally({ ticked: 1, respondents: 1, byGroup: [{ group: 'ics', ticked: 1, respondents: 1 }] }),
      ).summary,
    ).toBe('The one person who has ticked in this area thinks this is in place')
  })
})

describe('describeAreaTicking', () => {
  it('says once what an item with no count means', () => {
    expect(describeAreaTicking(undefined)).toBe('Nobody has ticked in this area yet.')
    expect(describeAreaTicking({ respondents: 1 })).toMatch(/^1 person has ticked in this area so far\./)
    expect(describeAreaTicking({ respondents: 3 })).toMatch(
      /^3 people have ticked in this area so far\..*Items with no count under them have not been ticked by anyone\.$/,
    )
  })
})
