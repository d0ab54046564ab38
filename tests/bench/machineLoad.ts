import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { sleep } from './clock.ts'

interface CpuTimes {
  busy: number
  total: number
}

function readCpu(): CpuTimes | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number)
    const busy = user! + nice! + system! + irq! + softirq! + (steal ?? 0)
    return { busy, total: busy + idle! + iowait! }
  } catch {
    return null
  }
}

/**
 * The whole machine's CPU use over a window, in % of one core (200% is both cores of this machine
 * flat out). Other engineers' tests share the machine: the bench reports what was not its own.
 */
export function startCpuWindow(): () => number {
  const start = readCpu()
  return () => {
    const end = readCpu()
    if (!start || !end || end.total === start.total) return Number.NaN
    return ((end.busy - start.busy) / (end.total - start.total)) * cpus().length * 100
  }
}

/**
 * Waits (at most `maxWaitMs`) for a 2-second window in which the machine is nearly idle, so a
 * measured run does not start in the middle of someone else's build or browser tests.
 */
export async function waitForQuiet(
  maxWaitMs: number,
  idleBelowPercent = 25,
): Promise<{ waitedMs: number; busyPercent: number }> {
  const started = Date.now()
  for (;;) {
    const window = startCpuWindow()
    await sleep(2000)
    const busy = window()
    if (!(busy >= idleBelowPercent) || Date.now() - started >= maxWaitMs) {
      return { waitedMs: Date.now() - started, busyPercent: busy }
    }
  }
}
