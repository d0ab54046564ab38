import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Role, StakeholderGroup } from '../roles.ts'
import type { Person } from '../values.ts'
import { setTick } from '../write/ticks.ts'
import type { AreaShape } from './areaShape.ts'
import { countPeople, peopleTakingPart, takesPart } from './takingPart.ts'
import { tallyArea } from './tallyArea.ts'
import { ticksByArea } from './ticksByArea.ts'

const area: AreaShape = {
  id: '1a',
  levels: [{ level: 'emerging', items: [{ id: '1a.e.1' }, { id: '1a.e.2' }] }],
}

function person(
  id: string,
  name: string,
  group: StakeholderGroup,
  role: Role = 'participant',
  joinedAt = 0,
): Person {
  return { id, name, organisation: 'Bradford ICB', group, role, colour: '#005eb8', joinedAt }
}

describe('who takes part', () => {
  it('never counts observers or peer reviewers, whatever group they hold', () => {
    const people = new Map([
      ['p', person('p', 'Pat', 'vcse')],
      ['o', person('o', 'Olu', 'vcse', 'observer')],
      ['r', person('r', 'Rae', 'peer-reviewer', 'peer-reviewer')],
      // A record from before invites refused the group: a participant holding "peer-reviewer".
      ['x', person('x', 'Xan', 'peer-reviewer', 'participant')],
    ])
    expect([...people.values()].filter(takesPart).map((p) => p.id)).toEqual(['p'])
    const doc = new Y.Doc()
    for (const id of people.keys()) setTick(doc, id, '1a.e.1', true, 1)
    const tally = tallyArea(area, ticksByArea(doc).get('1a'), people)
    expect(tally.respondents).toBe(1)
    expect(tally.items.get('1a.e.1')).toMatchObject({
      ticked: 1,
      byGroup: [{ group: 'vcse', ticked: 1, respondents: 1 }],
      tickedBy: ['p'],
    })
  })

  it('counts one person on two devices once, by their latest tick', () => {
    const people = new Map([
      ['laptop', person('laptop', 'Ama Owusu', 'ics', 'chair', 1)],
      // The same chair from the projector's browser: spacing and case as typed there.
      ['projector', person('projector', ' ama  OWUSU ', 'ics', 'chair', 2)],
      ['lee', person('lee', 'Lee', 'ics')],
    ])
    expect(peopleTakingPart(people).map((p) => p.id)).toEqual(['laptop', 'lee'])
    const doc = new Y.Doc()
    setTick(doc, 'laptop', '1a.e.1', true, 1)
    setTick(doc, 'projector', '1a.e.1', true, 2)
    // Ticked on one device, then unticked on the other: they no longer think it is in place.
    setTick(doc, 'laptop', '1a.e.2', true, 3)
    setTick(doc, 'projector', '1a.e.2', false, 4)
    setTick(doc, 'lee', '1a.e.2', true, 5)
    const tally = tallyArea(area, ticksByArea(doc).get('1a'), people)
    expect(tally.respondents).toBe(2)
    expect(tally.items.get('1a.e.1')).toMatchObject({
      ticked: 1,
      byGroup: [{ group: 'ics', ticked: 1, respondents: 2 }],
    })
    expect(tally.items.get('1a.e.1')?.tickedBy).toHaveLength(1)
    expect(tally.items.get('1a.e.2')).toMatchObject({ ticked: 1, tickedBy: ['lee'] })
  })

  it("counts a session's attendance by person, not by device", () => {
    const people = new Map([
      ['laptop', person('laptop', 'Ama Owusu', 'ics', 'chair', 1)],
      ['projector', person('projector', 'Ama Owusu', 'ics', 'chair', 2)],
      ['lee', person('lee', 'Lee', 'ics')],
    ])
    expect(countPeople(['laptop', 'projector', 'lee'], people)).toBe(2)
    // Someone no longer on the board still attended.
    expect(countPeople(['laptop', 'gone'], people)).toBe(2)
  })
})
