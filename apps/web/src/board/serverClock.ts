/**
 * The server's clock as this browser knows it. Area timers are stamped and counted down in server
 * time, so a chair whose laptop runs a few minutes fast and a projector whose clock is slow still
 * show everyone the same time left.
 */

/** One look at the server's clock: when this device asked, when the answer came, what it said. */
export interface ClockSample {
  sentAt: number
  receivedAt: number
  serverTime: unknown
}

/** An answer that took longer than this says too little about when the server read its clock. */
export const MAX_ROUND_TRIP_MS = 5_000
// Any real server clock reads after 2020 and within a century; anything else is a broken answer.
const EARLIEST_SERVER_TIME = Date.UTC(2020, 0, 1)
const LATEST_SERVER_TIME = Date.UTC(2120, 0, 1)

/**
 * How far the server's clock is ahead of this device's (negative when behind), or null when the
 * sample cannot be trusted. The server read its clock somewhere during the round trip; the middle
 * is the best guess, and is wrong by at most half the round trip.
 */
export function offsetFrom(sample: ClockSample): { offset: number; roundTrip: number } | null {
  const { sentAt, receivedAt, serverTime } = sample
  if (typeof serverTime !== 'number' || !Number.isFinite(serverTime)) return null
  if (serverTime < EARLIEST_SERVER_TIME || serverTime > LATEST_SERVER_TIME) return null
  const roundTrip = receivedAt - sentAt
  if (!Number.isFinite(roundTrip) || roundTrip < 0 || roundTrip > MAX_ROUND_TRIP_MS) return null
  return { offset: Math.round(serverTime - (sentAt + roundTrip / 2)), roundTrip }
}

/** The offset from the quickest trustworthy sample (the tightest bound), or null when none can be trusted. */
export function bestOffset(samples: readonly ClockSample[]): number | null {
  let best: { offset: number; roundTrip: number } | null = null
  for (const sample of samples) {
    const found = offsetFrom(sample)
    if (found && (!best || found.roundTrip < best.roundTrip)) best = found
  }
  return best?.offset ?? null
}

/** Reads `serverTime` from the health check's JSON; undefined when the answer has none. */
export async function askServerTime(fetchImpl: typeof fetch = fetch): Promise<unknown> {
  const response = await fetchImpl('/api/health', {
    cache: 'no-store',
    headers: { Accept: 'application/json' },
  })
  if (!response.ok) return undefined
  const body = (await response.json().catch(() => null)) as { serverTime?: unknown } | null
  return body?.serverTime
}

export class ServerClock {
  private offset = 0
  private readonly listeners = new Set<() => void>()

  private readonly localNow: () => number
  private readonly ask: () => Promise<unknown>

  constructor(localNow: () => number = Date.now, ask: () => Promise<unknown> = () => askServerTime()) {
    this.localNow = localNow
    this.ask = ask
  }

  /** The server's time now, in milliseconds since 1970; the device's own until the first sync. */
  readonly now = (): number => this.localNow() + this.offset

  readonly getOffset = (): number => this.offset

  /** For React's useSyncExternalStore: tells `listener` when the offset changes. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Asks the server a few times and keeps the quickest answer. A failed or untrustworthy sync keeps
   * the last offset, so a wifi drop never makes a running timer jump. Returns whether it learned one.
   */
  async sync(attempts = 3): Promise<boolean> {
    const samples: ClockSample[] = []
    for (let i = 0; i < attempts; i++) {
      const sentAt = this.localNow()
      try {
        const serverTime = await this.ask()
        samples.push({ sentAt, receivedAt: this.localNow(), serverTime })
      } catch {
        // Offline or refused: this attempt tells us nothing; try the next.
      }
    }
    const offset = bestOffset(samples)
    if (offset === null) return false
    if (offset !== this.offset) {
      this.offset = offset
      for (const listener of this.listeners) listener()
    }
    return true
  }
}

/** The one clock every part of the board reads, so stamps and countdowns agree. */
export const serverClock = new ServerClock()
