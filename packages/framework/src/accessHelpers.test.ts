import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findArea } from './findArea.ts'
import { findItem } from './findItem.ts'
import { frameworkSummary } from './frameworkSummary.ts'
import { itemsOfArea } from './itemsOfArea.ts'
import { levelIndex } from './levelIndex.ts'
import { listAreas } from './listAreas.ts'
import { loadFrameworkFile } from './loadFrameworkFile.ts'
import { defaultRubricDir } from './rubricDir.ts'

const cqc = await loadFrameworkFile(join(defaultRubricDir, 'cqc-hi-2025.json'))

describe('typed access helpers', () => {
  it('listAreas flattens the phases in order', () => {
    const areas = listAreas(cqc)
    expect(areas[0]?.id).toBe('1a')
    expect(areas.at(-1)?.id).toBe('7f')
  })

  it('findArea finds an area or says undefined', () => {
    expect(findArea(cqc, '4b')?.title).toBe('Building trust')
    expect(findArea(cqc, '9z')).toBeUndefined()
  })

  it('findItem returns the item with its phase, area and level', () => {
    const found = findItem(cqc, '3b.maturing.1')
    expect(found?.phase.title).toBe('Plan')
    expect(found?.area.id).toBe('3b')
    expect(found?.level).toBe('maturing')
    expect(found?.item.text).toBe('Interrogate available data (as previous).')
    expect(findItem(cqc, '3b.maturing.99')).toBeUndefined()
    expect(findItem(cqc, 'nonsense')).toBeUndefined()
  })

  it('itemsOfArea lists items lowest level first', () => {
    const items = itemsOfArea(findArea(cqc, '7e')!)
    expect(items.map((i) => i.id)).toEqual([
      '7e.emerging.1',
      '7e.developing.1',
      '7e.maturing.1',
      '7e.thriving.1',
      '7e.thriving.2',
    ])
  })

  it('levelIndex orders levels and marks unknown ones -1', () => {
    expect(levelIndex(cqc, 'emerging')).toBe(0)
    expect(levelIndex(cqc, 'thriving')).toBe(3)
    expect(levelIndex(cqc, 'not-yet')).toBe(-1)
  })

  it('frameworkSummary counts phases, areas and items', () => {
    expect(frameworkSummary(cqc)).toEqual({
      id: 'cqc-hi-2025',
      version: '1.0.0',
      title: 'Addressing health inequalities through engagement with people and communities',
      phases: 7,
      areas: 26,
      items: 280,
    })
  })
})
