import type { Person } from '@co-assess/board-model'
import { describe, expect, it } from 'vitest'
import { possibleNames } from './possibleNames.ts'

const person = (name: string): Person => ({
  id: `p-${name.length}xyz`,
  name,
  organisation: 'Org',
  group: 'vcse',
  role: 'participant',
  colour: '#005eb8',
  joinedAt: 1,
})

describe('possibleNames', () => {
  it('flags a first name or surname the public redaction leaves, once per field', () => {
    const flags = possibleNames(
      [
        {
          actionId: 'a1',
          fields: { youSaid: 'Maria said, and maria agreed: ask Lopez', weDid: 'Nothing yet' },
        },
      ],
      [person('Maria Lopez')],
    )
    expect(flags.map((f) => [f.field, f.word])).toEqual([
      ['youSaid', 'Maria'],
      ['youSaid', 'Lopez'],
    ])
    expect(flags[0]!.id).toBe('a1.youSaid.maria')
  })

  it('leaves words that only contain a name, and text with no names', () => {
    expect(
      possibleNames([{ actionId: 'a1', fields: { youSaid: 'Annual review, Annie' } }], [person('Ann')]),
    ).toEqual([])
    expect(
      possibleNames(
        [{ actionId: 'a1', fields: { youSaid: 'a VCSE partner asked' } }],
        [person('Maria Lopez')],
      ),
    ).toEqual([])
  })
})
