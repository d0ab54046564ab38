import { describe, expect, it } from 'vitest'
import { readPresence, samePresence } from './presence.ts'

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

describe('samePresence', () => {
  const room = (fields: Record<number, Record<string, unknown>> = {}) =>
    new Map<number, unknown>([
      [5, { user: user('p2', 'Zoe'), area: '1a', following: true, ...fields[5] }],
      [3, { user: user('p1', 'Ana'), area: null, ...fields[3] }],
    ])

  it('is the same list when only what it does not show changed (a caret in the notes)', () => {
    const before = readPresence(room(), 5, 'p2')
    const after = readPresence(room({ 3: { cursor: { anchor: 4, head: 9 } } }), 5, 'p2')
    expect(samePresence(before, after)).toBe(true)
  })

  it('differs when someone moves, starts or stops following, arrives or leaves', () => {
    const before = readPresence(room(), 5, 'p2')
    expect(samePresence(before, readPresence(room({ 3: { area: '2b' } }), 5, 'p2'))).toBe(false)
    expect(samePresence(before, readPresence(room({ 5: { following: false } }), 5, 'p2'))).toBe(false)
    const arrived = room()
    arrived.set(9, { user: user('p3', 'Ben'), area: null })
    expect(samePresence(before, readPresence(arrived, 5, 'p2'))).toBe(false)
    const left = room()
    left.delete(3)
    expect(samePresence(before, readPresence(left, 5, 'p2'))).toBe(false)
    expect(samePresence(before, readPresence(room({ 3: { user: user('p1', 'Ana B') } }), 5, 'p2'))).toBe(
      false,
    )
  })
})
