import { describe, expect, it } from 'vitest'
import { renderPublicPage } from './renderPublicPage.ts'

describe('the public page', () => {
  it('says when it was last updated in words, with the machine-readable time beside them', () => {
    const html = renderPublicPage(
      { publicId: 'pub-1', title: 'Engagement 2026', workstream: 'Mental health', items: [] },
      '2026-11-03T09:30:00.000Z',
    )
    expect(html).toContain('Last updated <time datetime="2026-11-03T09:30:00.000Z">3 November 2026</time>')
    expect(html.replace(/datetime="[^"]*"/g, '')).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })
})
