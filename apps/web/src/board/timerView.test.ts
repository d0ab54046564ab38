import { describe, expect, it } from 'vitest'
import { parseMinutes, timerView } from './timerView.ts'

describe('timerView', () => {
  const timer = { startedAt: 1_000_000, durationSeconds: 300 }
  it('counts down in minutes and seconds', () => {
    const view = timerView(timer, 1_000_000 + 55_500)
    expect(view.clock).toBe('4:05')
    expect(view.spoken).toBe('4 minutes 5 seconds left')
    expect(view.expired).toBe(false)
  })
  it('stops at zero and says time is up', () => {
    const view = timerView(timer, 1_000_000 + 400_000)
    expect(view).toMatchObject({ remainingSeconds: 0, clock: '0:00', spoken: 'Time is up', expired: true })
  })
  it('never shows more than the whole timer, even when started a moment ahead of this clock', () => {
    expect(timerView(timer, 1_000_000 - 700).clock).toBe('5:00')
  })
  it('shows hours for long timers', () => {
    expect(timerView({ startedAt: 0, durationSeconds: 3720 }, 0).clock).toBe('1:02:00')
    expect(timerView({ startedAt: 0, durationSeconds: 3600 }, 0).spoken).toBe('1 hour left')
  })
})

describe('parseMinutes', () => {
  it('accepts minutes and fractions', () => {
    expect(parseMinutes('10')).toEqual({ seconds: 600 })
    expect(parseMinutes(' 1.5 ')).toEqual({ seconds: 90 })
  })
  it('explains what is wrong', () => {
    expect(parseMinutes('')).toEqual({ error: 'Enter the number of minutes, like 10' })
    expect(parseMinutes('ten')).toEqual({ error: 'Enter the number of minutes, like 10' })
    expect(parseMinutes('0.2')).toEqual({ error: 'A timer must be at least half a minute' })
    expect(parseMinutes('300')).toEqual({ error: 'A timer can be at most 240 minutes' })
  })
})
