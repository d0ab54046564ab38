import { describe, expect, it } from 'vitest'
import { tinyFramework } from '../../test/tinyFramework.ts'
import { indexFramework } from './frameworkIndex.ts'

describe('indexFramework', () => {
  it('finds each area with its phase and its neighbours across phases', () => {
    const index = indexFramework(tinyFramework)
    expect([...index.keys()]).toEqual(['1a', '1b', '2a'])
    const b = index.get('1b')!
    expect(b.phase.title).toBe('Check')
    expect(b.previous?.id).toBe('1a')
    expect(b.next?.id).toBe('2a')
    expect(index.get('1a')!.previous).toBeNull()
    expect(index.get('2a')!.next).toBeNull()
  })
})
