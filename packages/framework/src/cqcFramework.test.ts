import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { itemsOfArea } from './itemsOfArea.ts'
import { listAreas } from './listAreas.ts'
import { loadFrameworkFile } from './loadFrameworkFile.ts'
import { defaultRubricDir } from './rubricDir.ts'

// These numbers are the transcription of the February 2025 PDF; a change here must be a deliberate
// correction of rubric/cqc-hi-2025.json, not an accident.
const framework = await loadFrameworkFile(join(defaultRubricDir, 'cqc-hi-2025.json'))
const areas = listAreas(framework)

const ITEMS_PER_AREA: Record<string, [number, number, number, number]> = {
  '1a': [3, 4, 4, 5],
  '1b': [2, 3, 3, 4],
  '1c': [3, 3, 3, 3],
  '1d': [5, 5, 3, 4],
  '2a': [2, 3, 2, 3],
  '2b': [2, 2, 3, 2],
  '2c': [3, 3, 3, 4],
  '2d': [2, 2, 2, 2],
  '2e': [2, 2, 2, 2],
  '3a': [2, 2, 3, 3],
  '3b': [1, 3, 2, 2],
  '4a': [2, 4, 4, 2],
  '4b': [4, 2, 3, 2],
  '4c': [3, 2, 3, 3],
  '5a': [4, 3, 3, 3],
  '5b': [4, 3, 3, 3],
  '5c': [3, 2, 3, 2],
  '5d': [3, 3, 3, 3],
  '6a': [1, 2, 4, 4],
  '6b': [3, 4, 4, 4],
  '7a': [3, 3, 3, 2],
  '7b': [2, 2, 1, 2],
  '7c': [2, 2, 2, 2],
  '7d': [2, 2, 2, 2],
  '7e': [1, 1, 1, 2],
  '7f': [2, 3, 2, 3],
}

describe('the CQC framework file (rubric/cqc-hi-2025.json)', () => {
  it('names itself and its four levels of practice in order', () => {
    expect(framework.id).toBe('cqc-hi-2025')
    expect(framework.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(framework.published).toBe('2025-02')
    expect(framework.levels.map((l) => [l.id, l.label])).toEqual([
      ['emerging', 'Emerging'],
      ['developing', 'Developing'],
      ['maturing', 'Maturing'],
      ['thriving', 'Thriving'],
    ])
  })

  it('has the six core principles', () => {
    expect(framework.principles?.map((p) => p.title)).toEqual([
      'Co-design and co-ownership',
      'Lived experience',
      'Holistic engagement',
      'Flexibility and adaptability',
      'Equity and inclusion',
      'Transparency and accountability',
    ])
  })

  it('has the 7 phases in order, with their areas', () => {
    expect(framework.phases.map((p) => `${p.id} ${p.title}`)).toEqual([
      '1 Check',
      '2 Challenge',
      '3 Plan',
      '4 Prepare',
      '5 Engage',
      '6 Involve',
      '7 Evaluate',
    ])
    expect(framework.phases.map((p) => p.areas.length)).toEqual([4, 5, 2, 3, 4, 2, 6])
    for (const phase of framework.phases) {
      expect(phase.aim).toBeTruthy()
      expect(phase.description).toBeTruthy()
      for (const area of phase.areas) expect(area.id.startsWith(phase.id)).toBe(true)
    }
  })

  it('has 26 areas, 1a to 7f in order, each with a summary and a link to health inequalities', () => {
    expect(areas.map((a) => a.id)).toEqual(Object.keys(ITEMS_PER_AREA))
    for (const area of areas) {
      expect(area.summary.length).toBeGreaterThan(40)
      expect(area.healthInequalities.length).toBeGreaterThan(100)
    }
  })

  it('gives every area the four levels in order, each with at least one item', () => {
    for (const area of areas) {
      expect(area.levels.map((l) => l.level)).toEqual(['emerging', 'developing', 'maturing', 'thriving'])
      for (const level of area.levels) expect(level.items.length).toBeGreaterThanOrEqual(1)
    }
  })

  it('has the transcribed number of items in every area and level: 280 in all', () => {
    const counts = Object.fromEntries(areas.map((a) => [a.id, a.levels.map((l) => l.items.length)]))
    expect(counts).toEqual(ITEMS_PER_AREA)
    const perLevel = framework.levels.map((level) =>
      areas.reduce((n, a) => n + (a.levels.find((l) => l.level === level.id)?.items.length ?? 0), 0),
    )
    expect(perLevel).toEqual([66, 70, 71, 73])
    expect(areas.flatMap(itemsOfArea)).toHaveLength(280)
  })

  it('uses unique ids of the form <area>.<level>.<n>, numbered from 1 in each level', () => {
    const ids = areas.flatMap(itemsOfArea).map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const area of areas) {
      for (const level of area.levels) {
        expect(level.items.map((i) => i.id)).toEqual(
          level.items.map((_, n) => `${area.id}.${level.level}.${n + 1}`),
        )
      }
    }
  })

  it('keeps known ids on the same text (ids must stay stable across corrections)', () => {
    const text = new Map(areas.flatMap(itemsOfArea).map((i) => [i.id, i.text]))
    const expected: Record<string, string> = {
      '1a.emerging.1': 'Identify all individuals, groups, and communities who may influence',
      '1a.thriving.5': 'Establish mechanisms for ongoing feedback from communities',
      '1c.developing.1': 'Establish a flexible budgeting process',
      '1d.emerging.5': 'Ensure practitioners are aware of the key health inequality issues',
      '2c.thriving.4': 'Implement continuous improvement mechanisms',
      '4b.thriving.1': 'Have established, two-way relationships with communities',
      '5d.developing.3': 'Use as part of decisions around strategic or commissioned service decisions.',
      '6a.thriving.4': 'Establish feedback loops to evaluate and refine co-designed initiatives',
      '7e.emerging.1': 'Use engagement findings to drive improvements in the design',
      '7f.thriving.3': 'Develop processes to ensure feedback is captured and actioned',
    }
    for (const [id, start] of Object.entries(expected))
      expect(text.get(id)).toMatch(new RegExp(`^${escapeRegExp(start)}`))
  })

  it('carries a note on each item whose reading is in doubt, and only those', () => {
    const noted = areas
      .flatMap(itemsOfArea)
      .filter((i) => i.note !== undefined)
      .map((i) => i.id)
    expect(noted).toEqual([
      '1a.developing.4',
      '1a.maturing.4',
      '1a.thriving.4',
      '1a.thriving.5',
      '1c.developing.3',
      '1c.maturing.3',
      '2a.developing.3',
      '3b.thriving.1',
    ])
  })

  it('contains no leftovers of the PDF extraction', () => {
    for (const item of areas.flatMap(itemsOfArea)) {
      expect(item.text).not.toMatch(/[□☐☑•\t]|\*\*|<u>|\s{2}/)
      expect(item.text).toBe(item.text.trim())
    }
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
