import type { Logger } from 'pino'

/** The lifecycle's background work: nothing a hook waits for, all of it awaitable on shutdown. */
export interface TaskQueue {
  /** Runs `work` in the background; a failure is logged, never thrown at the hook that started it. */
  run(work: Promise<unknown>): void
  /**
   * Runs `work` once every task enqueued before it for the same assessment has finished (or failed).
   * Merges and counts for one assessment run one after another, so a reveal, a board load and a late
   * private tick never hold direct connections to the same documents at once.
   */
  enqueue(assessmentId: string, work: () => Promise<unknown>): void
  /** Resolves once no task is running or waiting, including any a task started. */
  settled(): Promise<void>
}

export function taskQueue(log: Logger): TaskQueue {
  const inFlight = new Set<Promise<unknown>>()
  const run = (work: Promise<unknown>) => {
    const tracked = work
      .catch((error: unknown) => log.error({ err: error }, 'a board lifecycle task failed'))
      .finally(() => inFlight.delete(tracked))
    inFlight.add(tracked)
  }
  const queues = new Map<string, Promise<unknown>>()
  return {
    run,
    enqueue(assessmentId, work) {
      const previous = queues.get(assessmentId) ?? Promise.resolve()
      const next = previous.catch(() => undefined).then(work)
      queues.set(assessmentId, next)
      run(
        next.finally(() => {
          if (queues.get(assessmentId) === next) queues.delete(assessmentId)
        }),
      )
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight])
    },
  }
}
