import { describe, expect, it } from 'vitest'
import type { StakeholderGroup } from '../../roles.ts'
import { sameRespondentCounts } from './sameRespondentCounts.ts'

const respondents = (byGroup: Partial<Record<StakeholderGroup, string[]>>) => {
  const groups = new Map(Object.entries(byGroup).map(([g, ids]) => [g as StakeholderGroup, new Set(ids)]))
  return { all: new Set([...groups.values()].flatMap((ids) => [...ids])), byGroup: groups }
}

describe('sameRespondentCounts', () => {
  it('holds when every group has as many respondents, whoever they are', () => {
    expect(
      sameRespondentCounts(
        respondents({ ics: ['a', 'b'], vcse: ['c'] }),
        respondents({ ics: ['a', 'd'], vcse: ['e'] }),
      ),
    ).toBe(true)
  })

  it('fails when a group gains or loses a respondent, or a group appears', () => {
    const was = respondents({ ics: ['a', 'b'], vcse: ['c'] })
    expect(sameRespondentCounts(was, respondents({ ics: ['a'], vcse: ['c', 'b'] }))).toBe(false)
    expect(
      sameRespondentCounts(was, respondents({ ics: ['a', 'b'], vcse: ['c'], 'lived-experience': ['d'] })),
    ).toBe(false)
    expect(sameRespondentCounts(was, respondents({ ics: ['a', 'b'], 'lived-experience': ['c'] }))).toBe(false)
  })
})
