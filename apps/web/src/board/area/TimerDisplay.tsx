import { useNow } from '../../hooks/useNow.ts'
import { useAnnounce } from '../Announcer.tsx'
import { useBoardContext } from '../BoardContext.tsx'
import { serverClock } from '../serverClock.ts'
import { TIME_UP_SHOWN_MS, timerView } from '../timerView.ts'

const clockTime = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' })

/**
 * The chair's countdown for this area, for everyone. When it runs out, "Time is up" stands out for a
 * short while (screen readers hear it once, elsewhere); then a calm line says when it ended, which the
 * chair can clear. A red box for the rest of the discussion only alarms.
 */
export function TimerDisplay({ areaId, audience = false }: { areaId: string; audience?: boolean }) {
  const { view, isChair, actions } = useBoardContext()
  const announce = useAnnounce()
  const timer = view.live.timers.get(areaId)
  // Server time, as the chair's start was stamped: every device shows the same time left.
  const now = useNow(timer !== undefined, 1000, serverClock.now)
  if (!timer) return null
  const t = timerView(timer, now)
  if (t.expired && now - t.endsAt >= TIME_UP_SHOWN_MS) {
    return (
      <p className="co-timer-ended" data-testid="timer">
        Time ended at {clockTime.format(t.endsAt)}.{' '}
        {isChair && !audience ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small co-timer-ended__clear"
            onClick={() => {
              actions.stopTimer(areaId)
              announce([{ kind: 'message', text: `Timer cleared on ${areaId}.` }])
            }}
          >
            Clear the timer
          </button>
        ) : null}
      </p>
    )
  }
  return (
    <div className={`co-timer${t.expired ? ' co-timer--done' : ''}`} data-testid="timer">
      <span className="co-timer__label">Time for this area</span>{' '}
      <span role="timer" aria-live="off" aria-label={t.spoken} className="co-timer__clock">
        {t.expired ? 'Time is up' : t.clock}
      </span>
    </div>
  )
}
