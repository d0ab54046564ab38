import { describe, expect, it } from 'vitest'
import { summariseEvents, timerLength } from './announcements.ts'

describe('summariseEvents', () => {
  it('counts ticks per area and keeps other news in order, once each', () => {
    expect(
      summariseEvents([
        { kind: 'tick', areaId: '1a' },
        { kind: 'focus', areaId: '2b' },
        { kind: 'tick', areaId: '1a' },
        { kind: 'tick', areaId: '2b' },
        { kind: 'agreed', areaId: '1a', levelLabel: 'Developing' },
        { kind: 'focus', areaId: '2b' },
      ]),
    ).toBe(
      '2 new ticks in 1a, 1 new tick in 2b. The chair brought everyone to 2b. The chair recorded Developing for 1a.',
    )
  })
  it('words the session’s moments', () => {
    expect(
      summariseEvents([
        { kind: 'session', running: true },
        { kind: 'blind', areaId: '1a' },
        { kind: 'timer', areaId: '1a', seconds: 300 },
        { kind: 'timeUp', areaId: '1a' },
        { kind: 'revealed', areaId: '1a' },
        { kind: 'focus', areaId: null },
        { kind: 'session', running: false },
        { kind: 'message', text: 'Recorded Developing for 1a.' },
      ]),
    ).toBe(
      'The session has started. Blind round started on 1a. A 5 minute timer started on 1a. Time is up for 1a. Ticks revealed on 1a. The chair let everyone move freely. The session has ended. Recorded Developing for 1a.',
    )
    expect(summariseEvents([])).toBe('')
  })
  it('says what an anonymous round means as it starts, and that its counts stay as it ends', () => {
    expect(
      summariseEvents([
        { kind: 'anonymous', areaId: '1a', running: true },
        { kind: 'anonymous', areaId: '1a', running: false },
      ]),
    ).toBe(
      'Anonymous round started on 1a: the room sees how many in each group ticked, not who. Anonymous round ended on 1a. Its counts stay as the area’s record.',
    )
  })
})

describe('timerLength', () => {
  it('reads as people say it', () => {
    expect(timerLength(600)).toBe('10 minute')
    expect(timerLength(30)).toBe('30 second')
    expect(timerLength(90)).toBe('1 minute 30 second')
  })
})
