import { describe, expect, it } from 'vitest'
import {
  actionCount,
  asSentence,
  canHaveLinks,
  linksStale,
  reportEntries,
  toggleChoice,
} from './reportEntries.ts'

describe('reportEntries', () => {
  it('lists the six reports everyone gets, without the comparison when there is nothing to compare', () => {
    const kinds = reportEntries({ assessmentId: 'a1', isChair: false, hasPrevious: false }).map((e) => e.kind)
    expect(kinds).toEqual(['report', 'docx', 'markdown', 'itemsCsv', 'actionsCsv', 'evidenceCsv'])
  })

  it('adds the comparison after a re-assessment, and names and the backup for a chair', () => {
    const entries = reportEntries({ assessmentId: 'a1', isChair: true, hasPrevious: true })
    expect(entries.map((e) => e.kind)).toEqual([
      'report',
      'docx',
      'markdown',
      'itemsCsv',
      'actionsCsv',
      'evidenceCsv',
      'comparison',
      'reportWithNames',
      'exportJson',
    ])
    expect(entries.find((e) => e.kind === 'docx')?.description).toMatch(/board papers/)
    expect(entries.find((e) => e.kind === 'reportWithNames')?.apiPath).toBe(
      '/api/assessments/a1/report?names=1',
    )
    expect(entries.filter((e) => e.page).map((e) => e.kind)).toEqual([
      'report',
      'comparison',
      'reportWithNames',
    ])
  })
})

describe('canHaveLinks', () => {
  it('gives plain links to chairs and participants only, as the server does', () => {
    expect(canHaveLinks('chair')).toBe(true)
    expect(canHaveLinks('participant')).toBe(true)
    expect(canHaveLinks('observer')).toBe(false)
    expect(canHaveLinks('peer-reviewer')).toBe(false)
  })
})

describe('linksStale', () => {
  const now = Date.parse('2025-06-01T10:00:00Z')
  it('is stale with no links, a bad date, or less than a minute left', () => {
    expect(linksStale(undefined, now)).toBe(true)
    expect(linksStale('nonsense', now)).toBe(true)
    expect(linksStale('2025-06-01T10:00:59Z', now)).toBe(true)
    expect(linksStale('2025-06-01T10:14:00Z', now)).toBe(false)
  })
})

describe('toggleChoice and actionCount', () => {
  it('adds and removes an action, keeping list order', () => {
    const order = ['x', 'y', 'z']
    const one = toggleChoice(order, new Set(), 'z')
    const two = toggleChoice(order, one, 'x')
    expect([...two]).toEqual(['x', 'z'])
    expect([...toggleChoice(order, two, 'z')]).toEqual(['x'])
  })
  it('counts in words', () => {
    expect(actionCount(1)).toBe('1 action')
    expect(actionCount(0)).toBe('0 actions')
  })
})

describe('what people wrote, as one sentence', () => {
  it('ends with one full stop, never two', () => {
    expect(asSentence('We now meet every meeting.')).toBe('We now meet every meeting.')
    expect(asSentence('We now meet every meeting')).toBe('We now meet every meeting.')
    expect(asSentence('Did it work? ')).toBe('Did it work?')
    expect(asSentence('  ')).toBe('')
  })
})
