import { describe, expect, it } from 'vitest'
import { stringifyJson } from './stringifyJson.ts'

describe('stringifyJson', () => {
  it('writes what JSON.stringify writes', () => {
    const values: unknown[] = [
      null,
      0,
      -1.5,
      'a "quoted"\n\u0000 line',
      true,
      [],
      {},
      [1, undefined, () => 1, 'x'],
      { a: 1, skip: undefined, fn: () => 1, nested: { b: [null, { c: 'd' }] }, '\u2028key': 2 },
      { when: new Date('2025-01-02T03:04:05.000Z') },
    ]
    for (const value of values) expect(stringifyJson(value)).toBe(JSON.stringify(value))
  })

  it('writes a value nested far deeper than JSON.stringify can', () => {
    const depth = 50_000
    let value: unknown = 'bottom'
    for (let i = 0; i < depth; i++) value = { children: [value] }
    expect(() => JSON.stringify(value)).toThrow(RangeError)
    const text = stringifyJson(value)
    expect(text.startsWith('{"children":[{"children":[')).toBe(true)
    expect(text.length).toBe(depth * '{"children":[]}'.length + '"bottom"'.length)
    let parsed = JSON.parse(text) as { children: unknown[] } | string
    for (let i = 0; i < depth; i++) parsed = (parsed as { children: Array<typeof parsed> }).children[0]!
    expect(parsed).toBe('bottom')
  })
})
