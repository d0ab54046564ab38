import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { nowMs } from './clock.ts'
import type { Pinning } from './pinning.ts'
import { percentiles } from './stats.ts'

export interface Machine {
  cpu: string
  cores: number
  memoryGb: number
  kernel: string
  node: string
  pinning: string
  /** One-minute load average when the run began: other work on a shared machine shows here. */
  loadAverage: number
  /** An append of a small update and its fsync on the disk holding the data directory: the floor of ours. */
  fsyncMs: { p50: number; p99: number }
}

export function describeMachine(pinning: Pinning): Machine {
  const dir = mkdtempSync(join(tmpdir(), 'co-assess-bench-fsync-'))
  const fd = openSync(join(dir, 'log'), 'a')
  const samples: number[] = []
  const record = Buffer.alloc(200, 7)
  for (let i = 0; i < 200; i++) {
    const start = nowMs()
    writeSync(fd, record)
    fsyncSync(fd)
    samples.push(nowMs() - start)
  }
  closeSync(fd)
  rmSync(dir, { recursive: true, force: true })
  const fsync = percentiles(samples)
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    pinning: pinning.describe,
    loadAverage: loadavg()[0]!,
    fsyncMs: { p50: fsync.p50, p99: fsync.p99 },
  }
}
