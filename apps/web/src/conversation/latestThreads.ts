/** How many threads a list shows at first, and how many more each "Show earlier threads" adds. */
export const THREAD_PAGE = 20

export interface ThreadPage<T> {
  /** The latest `limit` threads, oldest first, as the list reads. */
  visible: T[]
  /** How many earlier threads are not shown yet. */
  hidden: number
  /** How many the next "Show earlier threads" adds. */
  next: number
  /** The first of those, where focus goes once they are shown. */
  firstOfNext: T | null
}

/**
 * The part of a long list of threads (oldest first) that is drawn: the latest ones, so a new thread
 * and the current discussion are always in view, with the earlier ones a button press away. A finished
 * board holds hundreds of threads; drawing them all made its first screen wait about a second.
 */
export function latestThreads<T>(threads: readonly T[], limit: number): ThreadPage<T> {
  const hidden = Math.max(0, threads.length - Math.max(0, limit))
  const next = Math.min(THREAD_PAGE, hidden)
  return {
    visible: threads.slice(hidden),
    hidden,
    next,
    firstOfNext: next > 0 ? (threads[hidden - next] ?? null) : null,
  }
}

/** What the list says about itself (read out when it changes). */
export function threadCountText(total: number, shown: number): string {
  if (shown >= total) return total === 1 ? '1 thread shown.' : `${total} threads shown.`
  return `${total} threads: the latest ${shown} are shown.`
}
