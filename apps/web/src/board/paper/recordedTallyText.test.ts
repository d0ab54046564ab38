import { describe, expect, it } from 'vitest'
import { recordedTallyText } from './recordedTallyText.ts'

const names: Record<string, string> = { sam: 'Sam Patel', kim: 'Kim Lee' }
const nameOf = (id: string) => names[id] ?? 'a chair'

describe('the words under a count for ticks recorded from paper or a phone call', () => {
  it('says nothing when none of the ticks was recorded', () => {
    expect(recordedTallyText(['ann', 'bob'], new Map(), nameOf)).toBeNull()
  })

  it('says how many, and who entered them and how when that is the same for all', () => {
    const recorded = new Map([
      ['rosa', { how: 'paper' as const, enteredBy: 'sam' }],
      ['raj', { how: 'paper' as const, enteredBy: 'sam' }],
    ])
    expect(recordedTallyText(['ann', 'rosa'], recorded, nameOf)).toBe(
      '1 of these ticks was recorded by Sam Patel from paper.',
    )
    expect(recordedTallyText(['rosa', 'ann', 'raj'], recorded, nameOf)).toBe(
      '2 of these ticks were recorded by Sam Patel from paper.',
    )
  })

  it('names no one chair when several entered them, and says how only when it is the same', () => {
    const byTwo = new Map([
      ['rosa', { how: 'phone' as const, enteredBy: 'sam' }],
      ['raj', { how: 'phone' as const, enteredBy: 'kim' }],
    ])
    expect(recordedTallyText(['rosa', 'raj'], byTwo, nameOf)).toBe(
      '2 of these ticks were recorded by a chair from phone calls.',
    )
    const mixed = new Map([
      ['rosa', { how: 'phone' as const, enteredBy: 'sam' }],
      ['raj', { how: 'paper' as const, enteredBy: 'sam' }],
    ])
    expect(recordedTallyText(['rosa', 'raj'], mixed, nameOf)).toBe(
      '2 of these ticks were recorded by a chair from paper or a phone call.',
    )
  })
})
