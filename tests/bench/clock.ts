/**
 * One clock for every bench process on this machine: wall time with sub-millisecond resolution.
 * `performance.timeOrigin` is read from the system clock when each process starts, so stamps taken in
 * the writer's process compare with readings in the readers' processes to within microseconds.
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now()
}

/**
 * A tick's `at` must be a non-negative integer (the server validates the value strictly), so the
 * writer stamps microseconds: still a safe integer, and no rounding error in the latency.
 */
export function stampMicros(): number {
  return Math.round(nowMs() * 1000)
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}
