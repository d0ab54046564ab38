import { describe, expect, it } from 'vitest'
import { takingPartNote } from './takingPartNote.ts'

describe('the note under "who took part"', () => {
  it('says how many took part on paper or by phone, as the small-number rule shows it', () => {
    expect(takingPartNote({ smallNumberThreshold: 0, recordedCount: 1 })).toContain(
      '1 person took part on paper or by phone: a chair entered their ticks and views',
    )
    expect(takingPartNote({ smallNumberThreshold: 3, recordedCount: 'fewer than 3' })).toContain(
      'fewer than 3 people took part on paper or by phone',
    )
    expect(takingPartNote({ smallNumberThreshold: 0, recordedCount: 4 })).toContain(
      '4 people took part on paper',
    )
  })

  it('says nothing of paper when nobody took part that way, or the count is withheld', () => {
    expect(takingPartNote({ smallNumberThreshold: 3, recordedCount: 0 })).not.toContain('paper')
    expect(takingPartNote({ smallNumberThreshold: 3, recordedCount: 'not shown' })).not.toContain('paper')
    expect(takingPartNote({ smallNumberThreshold: 3 })).not.toContain('paper')
  })
})
