import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { StakeholderGroup } from '../roles.ts'
import type { Person } from '../values.ts'
import { setTick } from '../write/ticks.ts'
import type { AreaShape } from './areaShape.ts'
import { suggestLevel } from './suggestLevel.ts'
import { tallyArea } from './tallyArea.ts'
import { ticksByArea } from './ticksByArea.ts'

const levels = [
  { id: 'emerging', label: 'Emerging' },
  { id: 'developing', label: 'Developing' },
  { id: 'maturing', label: 'Maturing' },
  { id: 'thriving', label: 'Thriving' },
]
const area: AreaShape = {
  id: '1a',
  levels: levels.map((l) => ({ level: l.id, items: [1, 2, 3].map((n) => ({ id: `1a.${l.id}.${n}` })) })),
}

function person(id: string, group: StakeholderGroup): Person {
  return { id, name: id, organisation: 'o', group, role: 'participant', colour: '#005eb8', joinedAt: 0 }
}
const people = new Map([
  ['ann', person('ann', 'ics')],
  ['bob', person('bob', 'ics')],
  ['cat', person('cat', 'vcse')],
  ['dev', person('dev', 'lived-experience')],
])

function board(ticks: Record<string, string[]>) {
  const doc = new Y.Doc()
  for (const [personId, items] of Object.entries(ticks))
    for (const item of items) setTick(doc, personId, item, true)
  const tally = tallyArea(area, ticksByArea(doc).get('1a'), people)
  return { tally, suggestion: suggestLevel(area, tally, levels) }
}

describe('tallyArea and suggestLevel', () => {
  it('has no suggestion until someone ticks', () => {
    const { suggestion } = board({})
    expect(suggestion.level).toBeNull()
    expect(suggestion.explanation).toMatch(/Nobody has ticked/)
  })

  it('counts by group and marks items where groups fall on different sides', () => {
    const { tally } = board({
      ann: ['1a.emerging.1', '1a.emerging.2'],
      bob: ['1a.emerging.1'],
      cat: ['1a.emerging.2'],
    })
    const first = tally.items.get('1a.emerging.1')!
    expect(first.ticked).toBe(2)
    expect(first.byGroup).toEqual([
      { group: 'ics', ticked: 2, respondents: 2 },
      { group: 'vcse', ticked: 0, respondents: 1 },
    ])
    expect(first.disagreement).toBe(true)
    const second = tally.items.get('1a.emerging.2')!
    expect(second.disagreement).toBe(false)
  })

  it('suggests the highest level reached with every level before it, and says why', () => {
    const emergingAndDeveloping = [
      '1a.emerging.1',
      '1a.emerging.2',
      '1a.developing.1',
      '1a.developing.2',
      '1a.thriving.1',
      '1a.thriving.2',
    ]
    const { suggestion } = board({ ann: emergingAndDeveloping, cat: emergingAndDeveloping })
    expect(suggestion.level).toBe('developing')
    expect(suggestion.explanation).toMatch(/2 of 3 Developing items/)
    // The rule in this area's own numbers: 2 people ticked, so 1 of them is half.
    expect(suggestion.explanation).toContain(
      'An item counts as in place when at least 1 of the 2 people who have ticked in this area ticked it (half or more).',
    )
    expect(suggestion.progress.find((p) => p.level === 'developing')).toMatchObject({ total: 3, needed: 2 })
    expect(suggestion.progress.find((p) => p.level === 'thriving')?.reached).toBe(true)
  })

  it('says "not yet at Emerging" when the first level is not reached', () => {
    const { suggestion } = board({ ann: ['1a.emerging.1', '1a.developing.1'], dev: ['1a.maturing.1'] })
    expect(suggestion.level).toBe('not-yet')
    expect(suggestion.label).toBe('Not yet at Emerging')
  })

  it('ignores unticks and people the board does not know', () => {
    const doc = new Y.Doc()
    setTick(doc, 'ann', '1a.emerging.1', true)
    setTick(doc, 'ann', '1a.emerging.1', false)
    setTick(doc, 'stranger', '1a.emerging.2', true)
    const tally = tallyArea(area, ticksByArea(doc).get('1a'), people)
    expect(tally.respondents).toBe(1)
    expect(tally.items.get('1a.emerging.1')?.ticked).toBe(0)
    expect(tally.items.get('1a.emerging.2')?.ticked).toBe(0)
  })
})
