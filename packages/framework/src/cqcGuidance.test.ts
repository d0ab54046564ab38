import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GUIDANCE_PARTS } from './guidanceSchema.ts'
import { listAreas } from './listAreas.ts'
import { loadFrameworkFile } from './loadFrameworkFile.ts'
import { defaultRubricDir } from './rubricDir.ts'
import type { GuidanceSection } from './types.ts'

// The guidance is the publisher's words, so every text in it must be found in the source, once the
// PDF extraction's markup (bold, underline) and line breaks are set aside. A paraphrase, a fixed typo
// or a word the project added fails here; such things belong in a `note`.
const framework = await loadFrameworkFile(join(defaultRubricDir, 'cqc-hi-2025.json'))
const source = normalise(await readFile(join(defaultRubricDir, 'sources', 'cqc-hi-2025.txt'), 'utf8'))

function normalise(text: string): string {
  return text
    .replace(/\*\*|<\/?u>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const guidance = framework.guidance!
const sections = GUIDANCE_PARTS.map((part) => guidance[part]).filter(
  (s): s is GuidanceSection => s !== undefined,
)

/** Every text of a section, as the source prints it (a run-in label takes a colon). */
function textsOf(section: GuidanceSection): string[] {
  const labelled = (t: { label?: string | undefined; text: string }) =>
    t.label ? `${t.label}: ${t.text}` : t.text
  return [
    section.title,
    ...section.blocks.flatMap((block) => {
      switch (block.type) {
        case 'paragraph':
          return [labelled(block)]
        case 'heading':
          return [block.text]
        case 'list':
          return block.items.map(labelled)
        case 'raci':
          return block.rows.flatMap((row) => [`${row.label}: ${row.question}`, ...row.examples])
        default:
          return []
      }
    }),
  ]
}

describe("the CQC framework's guidance (rubric/cqc-hi-2025.json)", () => {
  it('has every part: introduction, principles, purpose and use, roles, approaches and tips', () => {
    expect(sections.map((s) => s.title)).toEqual([
      'Introduction',
      'Core principles',
      'Purpose and use of the framework',
      'Owners, enablers and champions',
      'Approaches to implementation',
      'Practical tips for using the framework',
    ])
  })

  it.each(sections.map((s) => [s.title, s] as const))('%s is word for word from the source', (_, section) => {
    for (const text of textsOf(section)) {
      expect(text).toBe(text.trim())
      expect(source, `not in the source: "${text}"`).toContain(normalise(text))
    }
  })

  it('keeps the principles and each phase’s aim and description word for word', () => {
    for (const p of framework.principles ?? []) expect(source).toContain(normalise(`${p.title}: ${p.text}`))
    for (const phase of framework.phases) {
      expect(source).toContain(`Phase ${phase.id}: ${phase.title} ${phase.aim} ${phase.description}`)
    }
  })

  it('names the executive lead and the champions, and holds the RACI matrix in four rows', () => {
    const roles = guidance.roles!
    const texts = textsOf(roles).join('\n')
    expect(texts).toContain('appoint an executive lead')
    expect(texts).toContain('championed by leaders across the ICS')
    const raci = roles.blocks.find((b) => b.type === 'raci')
    expect(raci?.type === 'raci' && raci.rows.map((r) => [r.label, r.examples.length])).toEqual([
      ['Responsible', 5],
      ['Accountable', 5],
      ['Consulted', 6],
      ['Informed', 5],
    ])
    // The matrix's list marks were lost in extraction, so how it is split is a judgement: it says so.
    expect(raci?.note).toMatch(/split/)
  })

  it("has the three pilots' approaches and the four labelled practical tips", () => {
    const pilots = guidance.approaches!.blocks.find((b) => b.id === 'pilot-approaches')
    expect(pilots?.type === 'list' && pilots.items.map((i) => i.label)).toEqual([
      'Purpose-established working group',
      'Pre-existing advisory groups and forums',
      'Insights and engagement team ownership',
    ])
    const labels = guidance.tips!.blocks.flatMap((b) => (b.type === 'paragraph' && b.label ? [b.label] : []))
    expect(labels).toEqual([
      'Your resources',
      'Involving communities',
      'Measuring success',
      'How often to use the framework',
    ])
  })

  it('contains no leftovers of the PDF extraction', () => {
    for (const text of sections.flatMap(textsOf)) expect(text).not.toMatch(/[□☐☑•\t]|\*\*|<u>|\s{2}/)
  })
})

describe('plain English and the glossary: the project’s words, kept apart from the source’s', () => {
  const items = listAreas(framework).flatMap((a) => a.levels.flatMap((l) => l.items.map((i) => ({ a, i }))))

  it('gives every item of phases 1 and 2 a plain-English reading, never a copy of the item', () => {
    const early = items.filter(({ a }) => a.id.startsWith('1') || a.id.startsWith('2'))
    expect(early.length).toBeGreaterThan(100)
    for (const { i } of early) {
      expect(i.plainEnglish, i.id).toBeTruthy()
      expect(i.plainEnglish).not.toBe(i.text)
      expect(i.plainEnglish).not.toMatch(/\s{2}|^\s|\s$/)
    }
  })

  it('defines the words people ask about', () => {
    const terms = (framework.glossary ?? []).map((e) => e.term)
    for (const term of [
      'ICS',
      'VCSE',
      'co-production',
      'ringfenced',
      'RACI',
      'lived experience',
      'Healthwatch',
      'PCN',
      'Place',
      'health inequalities',
      'Core20PLUS5',
    ])
      expect(terms).toContain(term)
  })

  it('says whose words the plain readings are not', () => {
    expect(framework.publisherShort).toBe('CQC')
  })
})
