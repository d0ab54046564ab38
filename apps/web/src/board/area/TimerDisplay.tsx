import { useNow } from '../../hooks/useNow.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { serverClock } from '../serverClock.ts'
import { timerView } from '../timerView.ts'

/** The chair's countdown for this area, for everyone. "Time is up" is announced once, elsewhere. */
export function TimerDisplay({ areaId }: { areaId: string }) {
  const { view } = useBoardContext()
  const timer = view.live.timers.get(areaId)
  // Server time, as the chair's start was stamped: every device shows the same time left.
  const now = useNow(timer !== undefined, 1000, serverClock.now)
  if (!timer) return null
  const t = timerView(timer, now)
  return (
    <div className={`co-timer${t.expired ? ' co-timer--done' : ''}`} data-testid="timer">
      <span className="co-timer__label">Time for this area</span>{' '}
      <span role="timer" aria-live="off" aria-label={t.spoken} className="co-timer__clock">
        {t.expired ? 'Time is up' : t.clock}
      </span>
    </div>
  )
}
