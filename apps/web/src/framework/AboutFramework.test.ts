import { join } from 'node:path'
import { defaultRubricDir, loadFrameworkFile } from '@co-assess/framework'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { areaMarkTexts } from '../board/area/areaMarkTexts.ts'
import { AboutFramework } from './AboutFramework.tsx'
import { glossaryMatcher, termsIn } from './glossaryMarks.ts'

// The page is static for a given framework file, so its markup is checked without a browser; the
// browser test (tests/e2e/aboutFramework.spec.ts) runs axe on it and opens a definition by keyboard.
const framework = await loadFrameworkFile(join(defaultRubricDir, 'cqc-hi-2025.json'))
const html = renderToStaticMarkup(createElement(AboutFramework, { framework, backHref: '/a/abc' }))

// No DOM in these unit tests (node): the markup is read with patterns, which is enough for its shape.
const all = (pattern: RegExp) => [...html.matchAll(pattern)]
const textOf = (markup: string) => markup.replace(/<[^>]+>/g, '')

describe('the About this framework page', () => {
  it('shows the guidance in the source order, then the glossary, each part a headed section', () => {
    const headings = all(/<h2[^>]*>(.*?)<\/h2>/g).map((m) => textOf(m[1]!))
    expect(headings).toEqual([
      'On this page',
      'Introduction',
      'Core principles',
      'Purpose and use of the framework',
      'Owners, enablers and champions',
      'The 7 phases',
      'Approaches to implementation',
      'Practical tips for using the framework',
      'Words used on the board',
    ])
    const ids = all(/ id="([^"]+)"/g).map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
    for (const [, target] of all(/<a class="nhsuk-contents-list__link" href="#([^"]+)"/g))
      expect(ids).toContain(target)
  })

  it('shows the RACI matrix as a data table with a caption and row and column headers', () => {
    const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'))
    expect(textOf(/<caption[^>]*>(.*?)<\/caption>/.exec(table)![1]!)).toMatch(/RACI/)
    expect(all(/<th scope="col"/g).length).toBe(3)
    const rows = [...table.matchAll(/<th scope="row"[^>]*>(.*?)<\/th>/g)].map((m) => m[1])
    expect(rows).toEqual(['Responsible', 'Accountable', 'Consulted', 'Informed'])
    const informed = table.slice(table.lastIndexOf('<tr'))
    expect(informed.match(/<li>/g)).toHaveLength(5)
  })

  it('explains each glossary word once, as a closed disclosure whose definition follows it', () => {
    const buttons = all(
      /<button type="button" class="co-term" aria-expanded="false" aria-controls="([^"]+)" data-term="([^"]+)">.*?<\/button><span id="([^"]+)" class="co-term__definition" hidden="">/g,
    )
    expect(buttons.length).toBeGreaterThan(5)
    expect(all(/class="co-term"/g)).toHaveLength(buttons.length)
    for (const [, controls, , definitionId] of buttons) expect(controls).toBe(definitionId)
    const terms = buttons.map((m) => m[2])
    expect(new Set(terms).size).toBe(terms.length)
  })

  it("says which words are the project's, not CQC's", () => {
    expect(html).toContain('not CQC’s words')
    expect(all(/<dt id="glossary-/g)).toHaveLength(framework.glossary!.length)
  })
})

describe("an area's words", () => {
  it('lists the glossary words of an area, its checklist labels included', () => {
    const area = framework.phases[0]!.areas[2]!
    const texts = [
      ...areaMarkTexts(area, framework.phases[0]!).map(([, text]) => text),
      ...area.levels.flatMap((l) => l.items.map((i) => i.text)),
    ]
    const found = termsIn(texts, glossaryMatcher(framework.glossary!)).map((e) => e.id)
    expect(found).toContain('ringfenced')
    expect(found).toContain('lived-experience')
  })
})
