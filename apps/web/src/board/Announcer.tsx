import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { type BoardEvent, summariseEvents } from './announcements.ts'

/** Events arriving within this window are announced together, once. */
const WINDOW_MS = 5000

type Announce = (events: BoardEvent[]) => void
const AnnouncerContext = createContext<Announce>(() => {})

export const useAnnounce = (): Announce => useContext(AnnouncerContext)

/**
 * The page's one polite live region: changes made by other people are gathered for a few seconds and
 * read out as one short summary, so a screen reader is not talking over the room.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('')
  const queue = useRef<BoardEvent[]>([])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const flush = useCallback(() => {
    timer.current = null
    const text = summariseEvents(queue.current)
    queue.current = []
    if (!text) return
    // Clearing first makes a repeated sentence ("1 new tick in 1a.") be read again.
    setMessage('')
    setTimeout(() => setMessage(text), 50)
  }, [])

  const announce = useCallback<Announce>(
    (events) => {
      if (events.length === 0) return
      queue.current.push(...events)
      timer.current ??= setTimeout(flush, WINDOW_MS)
    },
    [flush],
  )

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  const value = useMemo(() => announce, [announce])
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
    </AnnouncerContext.Provider>
  )
}
