import { describe, expect, it } from 'vitest'
import { tinyFramework } from '../../test/tinyFramework.ts'
import { placeRollup } from './placeRollup.ts'

const place = (name: string, levels: Record<string, string>) => ({
  place: name,
  assessmentId: `a-${name}`,
  title: name,
  createdAt: '2025-01-01T00:00:00.000Z',
  levels,
})

describe('placeRollup', () => {
  it('shows the spread across Places, lowest to highest, not an average', () => {
    const rows = placeRollup(
      [
        place('Eastbridge', { '1a': 'emerging', '2a': 'maturing' }),
        place('Westholm', { '1a': 'thriving', '2a': 'maturing' }),
        place('Southport', { '1a': 'emerging' }),
      ],
      tinyFramework,
    )
    expect(rows.map((r) => r.areaId)).toEqual(['1a', '2a'])
    expect(rows[0]).toMatchObject({
      byPlace: ['Emerging', 'Thriving', 'Emerging'],
      spread: 'From Emerging (2) to Thriving (1); 3 of 3 Places agreed a level',
    })
    expect(rows[1]).toMatchObject({
      byPlace: ['Maturing', 'Maturing', null],
      spread: 'All at Maturing (2 of 3 Places agreed a level)',
    })
  })
})
