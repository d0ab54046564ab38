import { describe, expect, it } from 'vitest'
import { FrameworkFileError } from './FrameworkFileError.ts'
import { parseFramework } from './parseFramework.ts'

const LEVELS = ['emerging', 'developing', 'maturing', 'thriving'] as const

function area(id: string) {
  return {
    id,
    title: `Area ${id}`,
    summary: 'A summary.',
    healthInequalities: 'A link to health inequalities.',
    levels: LEVELS.map((level) => ({
      level,
      items: [1, 2].map((n) => ({ id: `${id}.${level}.${n}`, text: `Item ${n}.` })),
    })),
  }
}

/** A small valid framework, rebuilt for each test so one test's damage never leaks into another. */
function validFramework() {
  return {
    id: 'tiny',
    version: '1.0.0',
    title: 'Tiny',
    levels: LEVELS.map((id) => ({ id, label: id })),
    phases: [
      { id: '1', title: 'Check', areas: [area('1a'), area('1b'), area('1c')] },
      { id: '2', title: 'Challenge', areas: [area('2a')] },
    ],
  }
}

function messageOf(data: unknown, file = 'rubric/broken.json'): string {
  try {
    parseFramework(data, file)
  } catch (error) {
    expect(error).toBeInstanceOf(FrameworkFileError)
    expect((error as FrameworkFileError).file).toBe(file)
    return (error as Error).message
  }
  throw new Error('expected parseFramework to throw')
}

describe('parseFramework', () => {
  it('accepts a valid framework, as data or as JSON text', () => {
    expect(parseFramework(validFramework(), 'tiny.json').id).toBe('tiny')
    expect(parseFramework(JSON.stringify(validFramework()), 'tiny.json').phases).toHaveLength(2)
  })

  it('names the file, the path and the problem when a value has the wrong type', () => {
    const fw = validFramework()
    ;(fw.phases[0]!.areas[2]!.levels[1]!.items[1] as { text: unknown }).text = 42
    ;(fw as { title: unknown }).title = 42
    const message = messageOf(fw)
    expect(message).toContain('rubric/broken.json')
    expect(message).toContain('title: expected text, but found a number (42)')
    expect(message).toContain(
      'phases[0].areas[2].levels[1].items[1].text (area 1c): expected text, but found a number (42)',
    )
  })

  it('says when a field is missing or unknown', () => {
    const fw = validFramework() as Record<string, unknown>
    delete fw.version
    fw.titel = 'typo'
    const message = messageOf(fw)
    expect(message).toContain('version: is missing')
    expect(message).toMatch(/\(the whole file\): has a field the format does not know: "titel"/)
  })

  it('says which area is missing which level', () => {
    const fw = validFramework()
    fw.phases[0]!.areas[0]!.levels.splice(2, 1)
    expect(messageOf(fw)).toContain(
      'phases[0].areas[0].levels (area 1a): area 1a is missing level "maturing"',
    )
  })

  it('refuses levels out of order, twice, or not the framework’s', () => {
    const outOfOrder = validFramework()
    outOfOrder.phases[1]!.areas[0]!.levels.reverse()
    expect(messageOf(outOfOrder)).toContain('area 2a lists its levels out of order')

    const unknown = validFramework()
    unknown.phases[0]!.areas[1]!.levels[3]!.level = 'flourishing' as (typeof LEVELS)[number]
    expect(messageOf(unknown)).toContain(
      'phases[0].areas[1].levels[3].level (area 1b): area 1b has level "flourishing", which is not one of the framework\'s levels',
    )
  })

  it('names a duplicate id and where it was first used', () => {
    const fw = validFramework()
    fw.phases[1]!.areas[0]!.id = '1b'
    for (const level of fw.phases[1]!.areas[0]!.levels) {
      for (const item of level.items) item.id = item.id.replace(/^2a/, '1b')
    }
    const message = messageOf(fw)
    expect(message).toContain(
      'phases[1].areas[0].id (area 1b): duplicate id "1b": it is already used at phases[0].areas[1].id',
    )
    expect(message).toContain(
      'duplicate id "1b.emerging.1": it is already used at phases[0].areas[1].levels[0].items[0].id',
    )
  })

  it('requires item ids to start with their area and level', () => {
    const fw = validFramework()
    fw.phases[0]!.areas[0]!.levels[1]!.items[0]!.id = '1a.emerging.9'
    expect(messageOf(fw)).toContain(
      'phases[0].areas[0].levels[1].items[0].id (area 1a): item id "1a.emerging.9" must start with "1a.developing."',
    )
  })

  it('refuses the level ids the board keeps for itself', () => {
    const fw = validFramework()
    fw.levels[0]!.id = 'not-yet' as (typeof LEVELS)[number]
    expect(messageOf(fw)).toContain('levels[0].id: is reserved by the board')
  })

  it('refuses empty text and empty lists', () => {
    const fw = validFramework()
    fw.phases[0]!.areas[0]!.summary = '   '
    fw.phases[0]!.areas[1]!.levels[0]!.items = []
    const message = messageOf(fw)
    expect(message).toContain('phases[0].areas[0].summary (area 1a): must not be empty')
    expect(message).toContain('phases[0].areas[1].levels[0].items (area 1b): must list at least one item')
  })

  it('says when the text is not JSON', () => {
    const message = messageOf('{ "id": "tiny", ', 'rubric/half-written.json')
    expect(message).toContain('Framework file "rubric/half-written.json"')
    expect(message).toContain('(the whole file): not valid JSON: ')
  })

  it('keeps every problem on the error, and only the first ten in the message', () => {
    const fw = validFramework()
    for (const phase of fw.phases) for (const a of phase.areas) (a as { title: unknown }).title = null
    fw.phases[0]!.areas.push(...['1d', '1e', '1f', '1g', '1h', '1i', '1j'].map(area))
    for (const a of fw.phases[0]!.areas) (a as { title: unknown }).title = null
    try {
      parseFramework(fw, 'many.json')
    } catch (error) {
      const problems = (error as FrameworkFileError).problems
      expect(problems.length).toBe(11)
      expect((error as Error).message).toContain('… and 1 more')
      return
    }
    throw new Error('expected parseFramework to throw')
  })
})
