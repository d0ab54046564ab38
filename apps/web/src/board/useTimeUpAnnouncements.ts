import type { Timer } from '@co-assess/board-model'
import { useEffect, useRef, useSyncExternalStore } from 'react'
import type { BoardEvent } from './announcements.ts'
import { serverClock } from './serverClock.ts'

/** Says "Time is up for 1a" once per timer, when it runs out while the board is open. */
export function useTimeUpAnnouncements(
  timers: ReadonlyMap<string, Timer>,
  announce: (events: BoardEvent[]) => void,
) {
  const told = useRef(new Set<string>())
  // When the first look at the server clock lands after the board opened, plan the announcements again.
  const offset = useSyncExternalStore(serverClock.subscribe, serverClock.getOffset)
  const key = [...timers.entries()]
    .map(([area, t]) => `${area}:${t.startedAt}:${t.durationSeconds}`)
    .join('|')
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the timers' contents, `offset` for the clock
  useEffect(() => {
    const handles: Array<ReturnType<typeof setTimeout>> = []
    const now = serverClock.now()
    for (const [areaId, timer] of timers) {
      const id = `${areaId}:${timer.startedAt}`
      const endsIn = timer.startedAt + timer.durationSeconds * 1000 - now
      if (told.current.has(id) || endsIn <= 0) continue
      handles.push(
        setTimeout(() => {
          if (told.current.has(id)) return
          told.current.add(id)
          announce([{ kind: 'timeUp', areaId }])
        }, endsIn + 50),
      )
    }
    return () => {
      for (const handle of handles) clearTimeout(handle)
    }
  }, [key, announce, offset])
}
