import { useEffect, useState } from 'react'

/**
 * The current time by `clock`, updated every `intervalMs` while `active`; frozen otherwise to save
 * renders. Pass the server clock for anything shared, such as area timers.
 */
export function useNow(active: boolean, intervalMs = 1000, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock)
  useEffect(() => {
    if (!active) return
    setNow(clock())
    const id = setInterval(() => setNow(clock()), intervalMs)
    return () => clearInterval(id)
  }, [active, intervalMs, clock])
  return now
}
