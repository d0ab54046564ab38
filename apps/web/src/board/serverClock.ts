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
 * What one sample says about how far the server's clock is ahead of this device's (negative when
 * behind): the server read its clock somewhere between the ask and the answer, so the offset lies
 * between these bounds. Null when the sample cannot be trusted.
 */
export function offsetBounds(sample: ClockSample): { low: number; high: number } | null {
  const { sentAt, receivedAt, serverTime } = sample
  if (typeof serverTime !== 'number' || !Number.isFinite(serverTime)) return null
  if (serverTime < EARLIEST_SERVER_TIME || serverTime > LATEST_SERVER_TIME) return null
  const roundTrip = receivedAt - sentAt
  if (!Number.isFinite(roundTrip) || roundTrip < 0 || roundTrip > MAX_ROUND_TRIP_MS) return null
  return { low: serverTime - receivedAt, high: serverTime - sentAt }
}

/**
 * The offset the samples agree on, or null when none can be trusted. Every sample bounds the true
 * offset, so their overlap is the tightest estimate. When the device's own clock fits inside it
 * (most devices keep good time), the offset is 0: devices with good clocks then agree exactly
 * instead of each adding its own guessing error. Otherwise the middle of the overlap, which is wrong
 * by at most half the quickest round trip.
 */
export function bestOffset(samples: readonly ClockSample[]): number | null {
  const bounds = samples.map(offsetBounds).filter((b) => b !== null)
  if (bounds.length === 0) return null
  let low = Math.max(...bounds.map((b) => b.low))
  let high = Math.min(...bounds.map((b) => b.high))
  if (low > high) {
    // The samples contradict each other (the device clock was changed between them): trust the quickest.
    const quickest = bounds.reduce((a, b) => (b.high - b.low < a.high - a.low ? b : a))
    low = quickest.low
    high = quickest.high
  }
  if (low <= 0 && 0 <= high) return 0
  return Math.round((low + high) / 2)
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
