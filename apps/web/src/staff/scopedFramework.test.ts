import { describe, expect, it } from 'vitest'
import { tinyFramework } from '../../test/tinyFramework.ts'
import { scopedFramework } from './scopedFramework.ts'

describe('scopedFramework', () => {
  const all = tinyFramework.phases.flatMap((phase) => phase.areas.map((area) => area.id))

  it('keeps every area when the assessment has no plan', () => {
    expect(scopedFramework(tinyFramework, undefined)).toBe(tinyFramework)
  })

  it('offers only the areas in scope, and drops phases left empty', () => {
    const first = all[0]!
    const scoped = scopedFramework(tinyFramework, [first])
    expect(scoped.phases.flatMap((phase) => phase.areas.map((area) => area.id))).toEqual([first])
    expect(scoped.phases).toHaveLength(1)
  })

  it('shows the whole framework rather than an empty board when no area matches', () => {
    expect(scopedFramework(tinyFramework, ['zz'])).toBe(tinyFramework)
  })
})
