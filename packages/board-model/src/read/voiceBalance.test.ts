import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Role, StakeholderGroup } from '../roles.ts'
import type { Action, Comment, Person } from '../values.ts'
import { setTick } from '../write/ticks.ts'
import { ticksByArea } from './ticksByArea.ts'
import { countWhoTicked, peopleExpected, shareOf, tickingProgress, voiceBalance } from './voiceBalance.ts'

function person(
  id: string,
  name: string,
  group: StakeholderGroup | null,
  role: Role = 'participant',
  joinedAt = 0,
): Person {
  return { id, name, organisation: 'Leeds ICB', group, role, colour: '#005eb8', joinedAt }
}

const people = new Map<string, Person>([
  ['ann', person('ann', 'Ann Lee', 'ics')],
  // Ann again, from the projector's browser: one person.
  ['ann-2', person('ann-2', 'ann  lee', 'ics', 'participant', 5)],
  ['bo', person('bo', 'Bo Khan', 'ics')],
  ['cy', person('cy', 'Cy Patel', 'vcse')],
  ['dee', person('dee', 'Dee Moss', 'lived-experience')],
  ['chair', person('chair', 'Chair', null, 'chair')],
  ['obs', person('obs', 'Olu', 'vcse', 'observer')],
  ['rev', person('rev', 'Rae', 'peer-reviewer', 'peer-reviewer')],
])

function comment(id: string, authorId: string, over: Partial<Comment> = {}): Comment {
  return {
    id,
    threadId: id,
    anchor: { areaId: '1a', itemId: null },
    authorId,
    layer: 'host',
    body: { type: 'doc', content: [] },
    text: 'x',
    mentions: [],
    createdAt: 1,
    editedAt: null,
    deleted: false,
    ...over,
  }
}

function action(id: string, proposedBy: string, carriedFrom: string | null = null): Action {
  return {
    id,
    youSaid: 'x',
    raisedBy: [],
    weDid: '',
    whatChanged: '',
    owner: '',
    dueDate: null,
    status: 'proposed',
    droppedReason: '',
    areaIds: ['1a'],
    proposedBy,
    fromCommentId: null,
    agreedInSession: null,
    feedback: { toldAt: null, how: '' },
    createdAt: 1,
    updatedAt: 1,
    carriedFrom,
  }
}

describe('voiceBalance', () => {
  it('counts each group’s ticks, comments and actions, a person in their group, and nobody who does not take part', () => {
    const doc = new Y.Doc()
    setTick(doc, 'ann', '1a.emerging.1', true, 1)
    // Ann's second device takes the tick back later: her latest word is "not in place".
    setTick(doc, 'ann-2', '1a.emerging.1', false, 2)
    setTick(doc, 'ann', '1a.emerging.2', true, 1)
    setTick(doc, 'bo', '1a.emerging.1', true, 1)
    setTick(doc, 'cy', '1b.emerging.1', true, 1)
    for (const id of ['chair', 'obs', 'rev']) setTick(doc, id, '1a.emerging.1', true, 1)
    const balance = voiceBalance({
      people,
      ticks: ticksByArea(doc).values(),
      comments: [
        comment('c1', 'cy'),
        comment('c2', 'cy'),
        comment('c3', 'cy', { deleted: true }),
        comment('c4', 'rev', { layer: 'peer' }),
        comment('c5', 'obs'),
        comment('c6', 'chair'),
        // Anonymous: the author id is an alias; the comment carries its group.
        comment('c7', 'Blue Heron', { anonymous: true, group: 'lived-experience' }),
      ],
      moderation: new Map(),
      actions: [action('a1', 'dee'), action('a2', 'chair'), action('a3', 'bo', 'earlier-board')],
      anonymousCounts: [
        {
          respondents: 2,
          respondentsByGroup: { vcse: 1, ics: 1 },
          items: { '2a.emerging.1': { vcse: 1, ics: 1 } },
          at: 1,
        },
      ],
      groupOrder: ['ics', 'vcse', 'lived-experience'],
    })
    expect(balance.groups).toEqual([
      { group: 'ics', people: 2, ticks: 3, comments: 0, actions: 0 },
      { group: 'vcse', people: 1, ticks: 2, comments: 2, actions: 0 },
      { group: 'lived-experience', people: 1, ticks: 0, comments: 1, actions: 1 },
    ])
    expect(balance.totals).toEqual({ people: 4, ticks: 5, comments: 3, actions: 1 })
  })

  it('does not count a comment the chair has hidden, named or anonymous, and counts one shown again', () => {
    const hidden = (hidden: boolean) => ({
      hidden,
      reason: 'Names a patient',
      by: 'chair',
      at: 2,
      events: [],
    })
    const balance = voiceBalance({
      people,
      ticks: [],
      comments: [
        // Hiding empties a comment's words but keeps its author, group and layer on the board.
        comment('c1', 'cy', { text: '' }),
        comment('c2', 'cy'),
        comment('c3', 'Blue Heron', { anonymous: true, group: 'lived-experience', text: '' }),
        comment('c4', 'dee'),
      ],
      moderation: new Map([
        ['c1', hidden(true)],
        ['c3', hidden(true)],
        ['c4', hidden(false)],
      ]),
      actions: [],
      groupOrder: ['ics', 'vcse', 'lived-experience'],
    })
    expect(balance.groups.map((g) => [g.group, g.comments])).toEqual([
      ['ics', 0],
      ['vcse', 1],
      ['lived-experience', 1],
    ])
    expect(balance.totals.comments).toBe(2)
  })

  it('gives shares as whole percentages, and none of nothing', () => {
    expect(shareOf(1, 3)).toBe(33)
    expect(shareOf(2, 3)).toBe(67)
    expect(shareOf(0, 0)).toBeNull()
  })
})

describe('tickingProgress', () => {
  it('names who in the room has not ticked the area yet, each person once', () => {
    const doc = new Y.Doc()
    setTick(doc, 'ann-2', '1a.emerging.1', true, 1)
    // Taking a tick back still means Cy has looked and made up their mind.
    setTick(doc, 'cy', '1a.emerging.1', false, 1)
    setTick(doc, 'bo', '1b.emerging.1', true, 1)
    const area = ticksByArea(doc).get('1a')
    const everyone = tickingProgress(area, people, null)
    expect(everyone.notYet.map((p) => p.name)).toEqual(['Bo Khan', 'Dee Moss'])
    expect(everyone).toMatchObject({ expected: 4, ticked: 2 })
    // Only the people here now: Dee has gone home.
    const here = tickingProgress(area, people, ['ann', 'bo', 'cy', 'chair', 'obs'])
    expect(here.notYet.map((p) => p.name)).toEqual(['Bo Khan'])
    expect(here).toMatchObject({ expected: 3, ticked: 2 })
  })

  it('expects nobody who does not take part', () => {
    expect(peopleExpected(people, ['chair', 'obs', 'rev'])).toEqual([])
  })
})

describe('countWhoTicked', () => {
  it('is a number of people taking part, one per person', () => {
    const doc = new Y.Doc()
    setTick(doc, 'ann', '1a.emerging.1', true, 1)
    setTick(doc, 'ann-2', '1a.emerging.2', true, 2)
    setTick(doc, 'dee', '1a.emerging.1', true, 1)
    setTick(doc, 'obs', '1a.emerging.1', true, 1)
    expect(countWhoTicked(ticksByArea(doc).get('1a')!, people)).toBe(2)
  })
})
