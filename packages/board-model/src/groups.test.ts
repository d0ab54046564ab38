import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_GROUPS, groupIdFromLabel, groupLabel, groupListSchema, hasGroup } from './groups.ts'
import type { AreaShape } from './read/areaShape.ts'
import { readGroups } from './read/readGroups.ts'
import { readPeople } from './read/readRecords.ts'
import { tallyArea } from './read/tallyArea.ts'
import { ticksByArea } from './read/ticksByArea.ts'
import { type Person, personSchema } from './values.ts'
import { erasePerson, initBoard, setBoardGroups, upsertPerson } from './write/server.ts'
import { setTick } from './write/ticks.ts'

const healthwatch = { id: 'healthwatch', label: 'Healthwatch' }
const groups = [...DEFAULT_GROUPS, healthwatch]

const person = (id: string, group: string | null, role: Person['role'] = 'participant'): Person => ({
  id,
  name: `Person ${id}`,
  organisation: 'Org',
  group,
  role,
  colour: '#005eb8',
  joinedAt: 1,
})

describe('groups set per assessment', () => {
  it('accepts the defaults and added groups; refuses duplicates, "peer-reviewer" and blank names', () => {
    expect(groupListSchema.safeParse(groups).success).toBe(true)
    expect(groupListSchema.safeParse([]).success).toBe(false)
    expect(groupListSchema.safeParse([healthwatch, healthwatch]).success).toBe(false)
    expect(groupListSchema.safeParse([healthwatch, { id: 'hw', label: 'healthwatch' }]).success).toBe(false)
    expect(groupListSchema.safeParse([{ id: 'peer-reviewer', label: 'Reviewers' }]).success).toBe(false)
    expect(groupListSchema.safeParse([{ id: 'carers', label: '  ' }]).success).toBe(false)
    expect(groupListSchema.safeParse([{ id: 'Carers!', label: 'Carers' }]).success).toBe(false)
  })

  it('makes a stable id from a name, avoiding ids taken', () => {
    expect(groupIdFromLabel('Place team (North)')).toBe('place-team-north')
    expect(groupIdFromLabel('Carers', ['carers'])).toBe('carers-2')
    expect(groupIdFromLabel('Peer reviewer')).toBe('peer-reviewer-2')
    expect(groupIdFromLabel('!!!')).toBe('group')
  })

  it('names a group as the assessment does, with fallbacks for old and removed ids', () => {
    expect(groupLabel(groups, 'healthwatch')).toBe('Healthwatch')
    expect(groupLabel([healthwatch], 'vcse')).toBe('Voluntary, community or social enterprise (VCSE)')
    expect(groupLabel([healthwatch], 'gone')).toBe('gone')
    expect(groupLabel(groups, null)).toBe('No group')
    expect(hasGroup('peer-reviewer')).toBe(false)
    expect(hasGroup(null)).toBe(false)
  })

  it('reads the board’s groups, or the defaults on a board made before groups were set', () => {
    const doc = new Y.Doc()
    initBoard(doc, { assessmentId: 'asmt', frameworkId: 'f', frameworkVersion: '1' })
    expect(readGroups(doc)).toEqual(DEFAULT_GROUPS)
    setBoardGroups(doc, groups)
    expect(readGroups(doc)).toEqual(groups)
  })

  it('lets a person have no group, and keeps old people records valid', () => {
    expect(personSchema.safeParse(person('obs-1', null, 'observer')).success).toBe(true)
    expect(personSchema.safeParse(person('rev-1', 'peer-reviewer', 'peer-reviewer')).success).toBe(true)
  })

  it('tallies added groups in the assessment’s order and never counts someone with no group', () => {
    const area: AreaShape = { id: '1a', levels: [{ level: 'emerging', items: [{ id: '1a.e.1' }] }] }
    const people = new Map(
      [
        person('h', 'healthwatch'),
        person('v', 'vcse'),
        person('f', null, 'chair'),
        person('o', null, 'observer'),
      ].map((p) => [p.id, p]),
    )
    const doc = new Y.Doc()
    for (const id of people.keys()) setTick(doc, id, '1a.e.1', true, 1)
    const tally = tallyArea(
      area,
      ticksByArea(doc).get('1a'),
      people,
      groups.map((g) => g.id),
    )
    expect(tally.respondents).toBe(2)
    expect(tally.items.get('1a.e.1')?.byGroup.map((g) => g.group)).toEqual(['vcse', 'healthwatch'])
    // With no order given, a group the defaults do not know still counts, after them.
    const unordered = tallyArea(area, ticksByArea(doc).get('1a'), people)
    expect(unordered.items.get('1a.e.1')?.byGroup.map((g) => g.group)).toEqual(['vcse', 'healthwatch'])
  })

  it('erases a person’s name and organisation, keeping their group and ticks', () => {
    const doc = new Y.Doc()
    upsertPerson(doc, person('pers', 'vcse'))
    setTick(doc, 'pers', '1a.e.1', true, 1)
    expect(erasePerson(doc, 'pers', 'A participant from VCSE', 5)).toBe(true)
    expect(readPeople(doc).get('pers')).toMatchObject({
      name: 'A participant from VCSE',
      organisation: '',
      group: 'vcse',
      erasedAt: 5,
    })
    expect(personSchema.safeParse(readPeople(doc).get('pers')).success).toBe(true)
    expect(ticksByArea(doc).get('1a')?.get('1a.e.1')?.has('pers')).toBe(true)
    expect(erasePerson(doc, 'nobody', 'x', 5)).toBe(false)
  })
})
