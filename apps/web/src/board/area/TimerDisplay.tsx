import { useNow } from '../../hooks/useNow.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { timerView } from '../timerView.ts'

/** The chair's countdown for this area, for everyone. "Time is up" is announced once, elsewhere. */
export function TimerDisplay({ areaId }: { areaId: string }) {
  const { view } = useBoardContext()
  const timer = view.live.timers.get(areaId)
  const now = useNow(timer !== undefined)
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
