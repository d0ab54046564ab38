import type { Timer } from '@co-assess/board-model'

export interface TimerView {
  remainingSeconds: number
  /** "4:05", or "1:02:00" past an hour */
  clock: string
  /** "4 minutes 5 seconds left", for people who hear the page */
  spoken: string
  expired: boolean
  endsAt: number
}

/** How long "Time is up" stands out once a timer runs out, before it becomes a calm "Time ended at…". */
export const TIME_UP_SHOWN_MS = 30_000

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function timerView(timer: Timer, now: number): TimerView {
  const endsAt = timer.startedAt + timer.durationSeconds * 1000
  // Never more than the timer's length: a start stamped a moment ahead of this device's reading of the
  // server clock (each device's estimate is a little off) would otherwise show 10:01 on a 10 minute timer.
  const remainingSeconds = Math.min(timer.durationSeconds, Math.max(0, Math.ceil((endsAt - now) / 1000)))
  const h = Math.floor(remainingSeconds / 3600)
  const m = Math.floor((remainingSeconds % 3600) / 60)
  const s = remainingSeconds % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  const clock = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
  const parts = [
    h > 0 ? plural(h, 'hour') : '',
    m > 0 ? plural(m, 'minute') : '',
    s > 0 ? plural(s, 'second') : '',
  ]
  const spoken = remainingSeconds === 0 ? 'Time is up' : `${parts.filter(Boolean).join(' ')} left`
  return { remainingSeconds, clock, spoken, expired: remainingSeconds === 0, endsAt }
}

/** Minutes typed by the chair, as the seconds a timer allows (30 s to 4 h), or an error to show. */
export function parseMinutes(input: string): { seconds: number } | { error: string } {
  const value = Number(input.trim())
  if (!input.trim() || !Number.isFinite(value)) return { error: 'Enter the number of minutes, like 10' }
  const seconds = Math.round(value * 60)
  if (seconds < 30) return { error: 'A timer must be at least half a minute' }
  if (seconds > 4 * 3600) return { error: 'A timer can be at most 240 minutes' }
  return { seconds }
}
