import { monitorEventLoopDelay } from 'node:perf_hooks'

const RESOLUTION_MS = 5

export interface DelaySummary {
  p50: number
  p99: number
  max: number
}

/**
 * Event-loop delay in ms. Node's histogram records the whole interval between its timer's runs, so
 * the timer's own period is taken off: 0 means the loop was never late.
 */
export function startDelayMonitor() {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  histogram.enable()
  const late = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS)
  return {
    reset: () => histogram.reset(),
    read: (): DelaySummary => ({
      p50: late(histogram.percentile(50)),
      p99: late(histogram.percentile(99)),
      max: late(histogram.max),
    }),
  }
}
