import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { itemsOfArea } from './itemsOfArea.ts'
import { listAreas } from './listAreas.ts'
import { loadFrameworkFile } from './loadFrameworkFile.ts'
import { defaultRubricDir } from './rubricDir.ts'

const framework = await loadFrameworkFile(join(defaultRubricDir, 'hwe-ten-principles.json'))

describe('the Hertfordshire and West Essex ten principles (rubric/hwe-ten-principles.json)', () => {
  it('loads as one phase of ten areas', () => {
    expect(framework.id).toBe('hwe-ten-principles')
    expect(framework.phases).toHaveLength(1)
    expect(listAreas(framework).map((a) => a.id)).toEqual([
      '1a',
      '1b',
      '1c',
      '1d',
      '1e',
      '1f',
      '1g',
      '1h',
      '1i',
      '1j',
    ])
  })

  it('says it is derived, and notes every item', () => {
    expect(framework.source).toMatch(/derived/i)
    for (const area of listAreas(framework)) {
      expect(area.levels.map((l) => l.level)).toEqual(framework.levels.map((l) => l.id))
      for (const item of itemsOfArea(area)) expect(item.note).toBeTruthy()
    }
  })

  it('keeps each principle word for word as its area summary', () => {
    expect(listAreas(framework)[0]?.summary).toBe(
      'Centre decision-making and governance around the voices of people and communities.',
    )
  })
})
