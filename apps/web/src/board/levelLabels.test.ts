import { describe, expect, it } from 'vitest'
import { tinyFramework } from '../../test/tinyFramework.ts'
import { levelLabel, recordableLevels, recordedLevelText } from './levelLabels.ts'

describe('levelLabel', () => {
  const levels = tinyFramework.levels
  it('names the framework’s levels and the two outside it', () => {
    expect(levelLabel('developing', levels)).toBe('Developing')
    expect(levelLabel('not-yet', levels)).toBe('Not yet at Emerging')
    expect(levelLabel('not-assessed', levels)).toBe('Not assessed')
    expect(levelLabel(null, levels)).toBe('Not assessed')
    expect(levelLabel('unknown', levels)).toBe('unknown')
  })
  it('offers not assessed and not yet before the framework’s levels', () => {
    expect(recordableLevels(levels).map((l) => l.id)).toEqual([
      'not-assessed',
      'not-yet',
      'emerging',
      'developing',
      'maturing',
      'thriving',
    ])
  })
})

describe('recordedLevelText', () => {
  const levels = tinyFramework.levels
  it('says "Not assessed" in words until the chair records a level', () => {
    expect(recordedLevelText(undefined, levels)).toBe('Not assessed')
  })
  it('names the recorded level, including the two outside the framework', () => {
    expect(recordedLevelText({ level: 'developing' }, levels)).toBe('Agreed: Developing')
    expect(recordedLevelText({ level: 'not-yet' }, levels)).toBe('Agreed: Not yet at Emerging')
    expect(recordedLevelText({ level: 'not-assessed' }, levels)).toBe('Agreed: Not assessed')
  })
})
