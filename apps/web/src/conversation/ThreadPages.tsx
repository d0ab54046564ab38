import type { Thread } from '@co-assess/board-model'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { latestThreads, THREAD_PAGE, threadCountText } from './latestThreads.ts'

/**
 * A list of threads drawn a page at a time: the latest threads first, and a button that adds earlier
 * ones. Every thread stays reachable by keyboard and screen reader: the count says how many there
 * are and how many are shown, the button says how many it adds, and pressing it moves focus to the
 * first thread it added, so reading carries on from there in order.
 */
export function ThreadPages({
  threads,
  children,
}: {
  threads: Thread[]
  children: (thread: Thread) => ReactNode
}) {
  const [limit, setLimit] = useState(THREAD_PAGE)
  const list = useRef<HTMLDivElement>(null)
  const focusOn = useRef<string | null>(null)
  const page = latestThreads(threads, limit)

  useEffect(() => {
    const threadId = focusOn.current
    if (!threadId) return
    focusOn.current = null
    const heading = list.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(threadId)}"] h3`)
    if (!heading) return
    heading.tabIndex = -1
    heading.focus()
  })

  return (
    <div ref={list}>
      <p className="nhsuk-body-s" aria-live="polite">
        {threadCountText(threads.length, page.visible.length)}
      </p>
      {page.hidden > 0 ? (
        <p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            data-testid="show-earlier-threads"
            onClick={() => {
              focusOn.current = page.firstOfNext?.id ?? null
              setLimit(page.visible.length + page.next)
            }}
          >
            {page.next === 1 ? 'Show 1 earlier thread' : `Show ${page.next} earlier threads`}
            <span className="nhsuk-u-visually-hidden"> (of {page.hidden} not shown)</span>
          </button>
        </p>
      ) : null}
      {page.visible.map(children)}
    </div>
  )
}
