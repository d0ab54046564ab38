import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { RichText } from './RichText.tsx'
import { safeHref } from './safeHref.ts'

const html = (content: unknown[], people?: Map<string, { name: string }>) =>
  renderToStaticMarkup(createElement(RichText, { body: { type: 'doc', content }, people }))
const para = (...content: unknown[]) => ({ type: 'paragraph', content })
const text = (value: string, marks: unknown[] = []) => ({ type: 'text', text: value, marks })

describe('safeHref', () => {
  it('keeps http, https and mailto links and refuses every other scheme', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1')
    expect(safeHref('mailto:team@example.org')).toBe('mailto:team@example.org')
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>',
      'vbscript:x',
      '/relative',
      'file:///etc/passwd',
      42,
      null,
    ]) {
      expect(safeHref(bad)).toBeNull()
    }
  })
})

describe('RichText', () => {
  it('renders bold, lists and safe links as elements', () => {
    const out = html([
      para(
        text('Bold', [{ type: 'bold' }]),
        text(' and '),
        text('site', [{ type: 'link', attrs: { href: 'https://nhs.uk' } }]),
      ),
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('one'))] }] },
    ])
    expect(out).toContain('<strong>Bold</strong>')
    expect(out).toContain('<ul><li><p>one</p></li></ul>')
    expect(out).toContain('<a href="https://nhs.uk/" rel="noopener noreferrer nofollow" target="_blank">site')
  })

  it('drops unsafe links, unknown nodes and attributes, and escapes text', () => {
    const out = html([
      para(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
      { type: 'script', content: [text('alert(1)')] },
      { type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } },
      para(text('<img src=x onerror=alert(1)>')),
      { type: 'paragraph', attrs: { style: 'color:red', onclick: 'x' }, content: [text('plain')] },
    ])
    expect(out).not.toMatch(/<a |<script|<img/)
    expect(out).not.toMatch(/<[^>]*(onerror|onclick|style)=/)
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(out).toContain('<p>click</p>')
  })

  it('names a mentioned person from the board, not from the stored label', () => {
    expect(
      html(
        [para({ type: 'mention', attrs: { id: 'p1', label: 'Fake' } })],
        new Map([['p1', { name: 'Ivy' }]]),
      ),
    ).toContain('@Ivy')
  })
})
