import { describe, expect, it } from 'vitest'
import { areaIdSchema, entityIdSchema, itemIdSchema, personIdSchema } from '../ids.ts'
import { evidenceMarkKey } from './evidence.ts'
import { ownedBy } from './ownedKey.ts'
import { peerKey } from './peerSuggestion.ts'
import { tickKey } from './tick.ts'

// The codecs check a key's parts against the patterns directly, not through the schemas: what they
// accept must be exactly what the schemas accept, or a branded id would not be one.
const PARTS = [
  '',
  'a',
  'abcd',
  'person_1',
  'P-9',
  '1a',
  '1a.emerging.2',
  '1a.Emerging.2',
  '1a.emerging.2000',
  '1a.emerging.',
  '1a..2',
  'x'.repeat(64),
  'x'.repeat(65),
  'a b',
  'é',
  'a\n',
  'a/b',
  '1a.emerging.2\n',
]

describe('owned keys', () => {
  it.each([
    ['tick', tickKey, itemIdSchema],
    ['peer suggestion', peerKey, areaIdSchema],
    ['evidence mark', evidenceMarkKey, entityIdSchema],
  ] as const)('decode a %s key exactly when its schemas accept both parts', (_, codec, restSchema) => {
    for (const owner of PARTS)
      for (const rest of PARTS) {
        const key = `${owner}/${rest}`
        const both = personIdSchema.safeParse(owner).success && restSchema.safeParse(rest).success
        // A part with a separator in it splits elsewhere: the key names a different owner and rest.
        if (owner.includes('/')) continue
        expect(codec.decode(key), key).toEqual(both ? { personId: owner, rest } : null)
      }
    expect(codec.decode('no-separator')).toBeNull()
  })

  it("tells a person's keys by their prefix alone", () => {
    expect(ownedBy('abc/1a.emerging.2', 'abc')).toBe(true)
    expect(ownedBy('abcd/1a.emerging.2', 'abc')).toBe(false)
    expect(ownedBy('ab/1a.emerging.2', 'abc')).toBe(false)
    expect(ownedBy('abc/', 'abc')).toBe(true)
    expect(ownedBy('abc', 'abc')).toBe(false)
  })
})
