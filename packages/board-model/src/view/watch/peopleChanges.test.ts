import { describe, expect, it } from 'vitest'
import { person } from '../../../test/boardViewFixture.ts'
import { applyPeopleChanges } from './peopleChanges.ts'

describe('applyPeopleChanges', () => {
  const ana = person('ana1', 'ics')
  const ben = person('ben1', 'vcse')

  it('gives the same map, touching nobody, when the changed keys hold what it holds', () => {
    const people = new Map([['ana1', ana]])
    const result = applyPeopleChanges(people, ['ana1', 'zed1'], new Map([['ana1', ana]]))
    expect(result.people).toBe(people)
    expect([...result.touched]).toEqual([])
  })

  it('copies the map for a join, a change of group and a leaving, and names each of them', () => {
    const people = new Map([
      ['ana1', ana],
      ['ben1', ben],
    ])
    const anaMoved = person('ana1', 'vcse')
    const cat = person('cat1', 'lived-experience')
    const source = new Map([
      ['ana1', anaMoved],
      ['cat1', cat],
    ])
    const result = applyPeopleChanges(people, ['ana1', 'ben1', 'cat1'], source)
    expect(result.people).not.toBe(people)
    expect(people.get('ana1')).toBe(ana)
    expect([...result.people]).toEqual([
      ['ana1', anaMoved],
      ['cat1', cat],
    ])
    expect([...result.touched].sort()).toEqual(['ana1', 'ben1', 'cat1'])
  })
})
