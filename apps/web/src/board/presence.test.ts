import { describe, expect, it } from 'vitest'
import { readPresence } from './presence.ts'

const user = (id: string, name: string) => ({ id, name, color: '#005eb8', role: 'participant', group: 'ics' })

describe('readPresence', () => {
  it('lists each person once, the viewer first, others by name, with where they are', () => {
    const states = new Map<number, unknown>([
      [5, { user: user('p2', 'Zoe'), area: '1a', following: true }],
      [3, { user: user('p1', 'Ana'), area: null }],
      [9, { user: user('p3', 'Ben'), area: '2b' }],
      [11, { user: user('p3', 'Ben'), area: '3c' }],
      [12, {}],
      [13, null],
    ])
    const people = readPresence(states, 5, 'p2')
    expect(people.map((p) => [p.name, p.self, p.areaId, p.following])).toEqual([
      ['Zoe', true, '1a', true],
      ['Ana', false, null, false],
      ['Ben', false, '2b', false],
    ])
  })
})
