import { describe, expect, it } from 'vitest'
import { FrameworkFileError } from './FrameworkFileError.ts'
import { parseFramework } from './parseFramework.ts'

/** One area, one level, one item: the least a framework can be, so each test adds only what it checks. */
function minimal(extra: Record<string, unknown>) {
  return {
    id: 'tiny',
    version: '1.0.0',
    title: 'Tiny',
    levels: [{ id: 'emerging', label: 'Emerging' }],
    phases: [
      {
        id: '1',
        title: 'Check',
        areas: [
          {
            id: '1a',
            title: 'Area',
            summary: 'A summary.',
            healthInequalities: 'A link.',
            levels: [{ level: 'emerging', items: [{ id: '1a.emerging.1', text: 'Item.' }] }],
          },
        ],
      },
    ],
    ...extra,
  }
}

const tips = {
  id: 'practical-tips',
  title: 'Practical tips',
  blocks: [
    { type: 'paragraph', id: 'tip-resources', label: 'Your resources', text: 'Start small.' },
    { type: 'heading', id: 'more', text: 'More' },
    { type: 'list', id: 'ways', items: [{ id: 'way-1', text: 'Look back.' }] },
    {
      type: 'raci',
      id: 'raci',
      note: 'Split by hand.',
      rows: [{ id: 'responsible', label: 'Responsible', question: 'Who does it?', examples: ['Teams'] }],
    },
  ],
}

function problems(data: unknown): string {
  try {
    parseFramework(data, 'tiny.json')
  } catch (error) {
    expect(error).toBeInstanceOf(FrameworkFileError)
    return (error as Error).message
  }
  throw new Error('expected the framework to be refused')
}

describe('guidance, plain English and the glossary in a framework file', () => {
  it('are optional: a framework without them is valid', () => {
    expect(parseFramework(minimal({}), 'tiny.json').guidance).toBeUndefined()
  })

  it('accept paragraphs, headings, lists and a RACI matrix, a plain reading and a glossary', () => {
    const fw = minimal({
      publisherShort: 'CQC',
      guidance: { tips },
      glossary: [
        { id: 'vcse', term: 'VCSE', forms: ['VCSE'], definition: 'Charities and community groups.' },
      ],
    })
    fw.phases[0]!.areas[0]!.levels[0]!.items[0] = {
      id: '1a.emerging.1',
      text: 'Item.',
      plainEnglish: 'The item, said simply.',
    } as (typeof fw.phases)[0]['areas'][0]['levels'][0]['items'][0]
    const parsed = parseFramework(fw, 'tiny.json')
    expect(parsed.guidance?.tips?.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'list', 'raci'])
    expect(parsed.phases[0]!.areas[0]!.levels[0]!.items[0]!.plainEnglish).toBe('The item, said simply.')
  })

  it('refuse an unknown kind of block or part, naming where', () => {
    expect(
      problems(minimal({ guidance: { tips: { ...tips, blocks: [{ type: 'video', id: 'v', text: 'x' }] } } })),
    ).toContain('guidance.tips.blocks[0].type')
    expect(problems(minimal({ guidance: { foreword: tips } }))).toContain('foreword')
  })

  it('refuse a guidance id used twice, or one an area already has', () => {
    const twice = { ...tips, blocks: [...tips.blocks, { type: 'paragraph', id: 'tip-resources', text: 'x' }] }
    expect(problems(minimal({ guidance: { tips: twice } }))).toContain('duplicate id "tip-resources"')
    const clash = { ...tips, id: '1a' }
    expect(problems(minimal({ guidance: { tips: clash } }))).toContain('duplicate id "1a"')
  })

  it('refuse two glossary entries that claim the same words', () => {
    const entry = (id: string, forms: string[]) => ({ id, term: id, forms, definition: 'A definition.' })
    const message = problems(
      minimal({ glossary: [entry('ics', ['ICS', 'ICSs']), entry('icss', ['ICSs']), entry('ics', ['x'])] }),
    )
    expect(message).toContain('"ICSs" is already a form of the glossary entry "ics"')
    expect(message).toContain('duplicate glossary id "ics"')
  })

  it('refuse an empty plain reading', () => {
    const fw = minimal({})
    ;(fw.phases[0]!.areas[0]!.levels[0]!.items[0] as Record<string, unknown>).plainEnglish = ' '
    expect(problems(fw)).toContain('plainEnglish')
  })
})
