import type { ServerKind } from './serverProcess.ts'
import type { TickLoadSpec } from './suites/tickLoad.ts'

export type Mode = 'quick' | 'full'

export interface BenchPlan {
  mode: Mode
  fanOut: TickLoadSpec
  /** The fan-out's measured time is split into this many rounds, alternating between the servers. */
  fanOutRounds: number
  capacity: TickLoadSpec[]
  largeRoom: TickLoadSpec
  /** Reference servers also run at the largest capacity and in the large room, to show what ours adds at scale. */
  scaleReferences: ServerKind[]
  coldOpen: { people: number; comments: number; edits: number; runs: number }
  browser: { runs: number }
  durability: { trials: number; writers: number }
  scaleOut: { readers: number; ticksPerSecond: number; durationMs: number; quietWaitMs: number }
  /** A national event: many boards on two instances through Redis, each board's readers split between them. */
  nationalEvent: TickLoadSpec
  /** Longest wait for a quiet machine before a suite (0 in quick mode). */
  quietWaitMs: number
}

/**
 * Full mode is what BENCHMARKS.md reports; quick mode keeps every suite but shrinks durations and
 * counts so the whole run fits in two minutes on the 2-core CI machine.
 */
export function planFor(mode: Mode): BenchPlan {
  const full = mode === 'full'
  const seconds = (fullSeconds: number, quickSeconds: number) => (full ? fullSeconds : quickSeconds) * 1000
  // Full mode waits (bounded) for other work on the shared machine to stop before each measured run.
  const quietWaitMs = full ? 180_000 : 0
  return {
    mode,
    fanOut: {
      boards: 1,
      readersPerBoard: 30,
      ticksPerSecond: 20,
      durationMs: seconds(60, 3),
      readerProcesses: 1,
      warmUpMs: seconds(3, 1),
      quietWaitMs,
    },
    fanOutRounds: full ? 4 : 1,
    // Busy boards: 5 ticks a second each is 31 people each ticking every six seconds, a workshop's
    // busiest minute, held for the whole run on every board at once.
    capacity: (full ? [10, 30] : [5]).map((boards) => ({
      boards,
      readersPerBoard: 30,
      ticksPerSecond: 5,
      durationMs: seconds(60, 3),
      readerProcesses: boards > 10 ? 3 : 1,
      warmUpMs: seconds(3, 1),
      quietWaitMs,
    })),
    largeRoom: {
      boards: 1,
      readersPerBoard: full ? 199 : 49,
      ticksPerSecond: 5,
      durationMs: seconds(60, 3),
      readerProcesses: 1,
      warmUpMs: seconds(3, 1),
      quietWaitMs,
    },
    // Quick mode opens a smaller board: its build through real clients is most of the suite's time.
    scaleReferences: full ? ['bare'] : [],
    coldOpen: full
      ? { people: 30, comments: 500, edits: 2000, runs: 30 }
      : { people: 10, comments: 100, edits: 400, runs: 10 },
    browser: { runs: full ? 10 : 2 },
    durability: { trials: full ? 20 : 3, writers: 3 },
    quietWaitMs,
    scaleOut: { readers: full ? 30 : 5, ticksPerSecond: 20, durationMs: seconds(60, 3), quietWaitMs },
    // 3,000 people: 100 workshops of 30 on the same day, each ticking about once a second (a busy
    // minute for the whole country), held for a minute. Quick mode: 100 people, to keep CI fast.
    nationalEvent: {
      boards: full ? 100 : 10,
      readersPerBoard: full ? 29 : 9,
      ticksPerSecond: 1,
      durationMs: seconds(60, 3),
      readerProcesses: full ? 4 : 1,
      warmUpMs: seconds(3, 1),
      quietWaitMs,
    },
  }
}
