import type { Transport } from './transports.ts'

/** One simulated person: a provider on a board, writing ticks on a schedule, reading, or both. */
export interface ClientSpec {
  board: string
  /** The sync URL this client connects to (scale-out puts writers and readers on different instances). */
  url: string
  personId: string
  token: string
  /** Ticks a second this client writes during a run; 0 for a reader only. */
  writeRate: number
  /** Offset of this writer's first tick from the run's start, to spread writers over time. */
  phaseMs: number
  reads: boolean
}

export type ClientRequest =
  | {
      type: 'open'
      transport: Transport
      url: string
      clients: ClientSpec[]
      concurrency: number
      timeoutMs: number
    }
  | { type: 'run'; runTag: string; startAt: number; durationMs: number }
  | { type: 'collect'; expected: Record<string, number>; graceMs: number }
  | { type: 'close' }

export interface Opened {
  type: 'opened'
  /** Milliseconds from creating each provider to its first sync. */
  openMs: Float64Array
  failed: number
}

export interface Ran {
  type: 'ran'
  /** Ticks written per board. */
  written: Record<string, number>
  /** Largest delay of a write behind its schedule: a writer that falls behind is not keeping the rate. */
  maxScheduleLagMs: number
}

export interface Collected {
  type: 'collected'
  /** One latency per (reader, tick) delivery, in ms from the writer's stamp to the reader's observer. */
  latencies: Float64Array
  /** For each tick key, the latest arrival over this process's readers (ms): when every reader had it. */
  lastArrival: Array<[string, number]>
  readers: number
  lost: number
  doubled: number
  /** Largest number of ticks a reader was still missing when the grace period ended. */
  worstReaderMissing: number
  client: { cpuPercent: number; eventLoopDelayMs: { p50: number; p99: number; max: number } }
}

/**
 * A reader waits for what it has not seen while it keeps arriving: each arrival gives it the grace
 * again, up to this many graces after the run. A tick still on its way on a swamped machine is late
 * (its time is in the figures), not lost; lost is what has not come once arrivals stopped for a grace.
 */
export const MAX_GRACES = 6
