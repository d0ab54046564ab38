import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { type DelaySummary, startDelayMonitor } from '../eventLoopDelay.ts'

/**
 * Preloaded (`node --import`) into every server under test, ours and the two references alike, so all
 * three are measured the same way: event-loop delay, CPU time and resident memory, read by the bench
 * over the IPC channel it spawned the server with. It adds one 5 ms histogram timer and one 250 ms
 * sampling timer, the same cost for each server.
 */
export interface ServerStats {
  rssMb: number
  peakRssMb: number
  /** CPU time used since the last reset, as a percentage of one core over the wall time. */
  cpuPercent: number
  eventLoopDelayMs: DelaySummary
}

/** Memory after a full garbage collection: what the process holds, not what it has yet to collect. */
export interface MemoryReading {
  rssMb: number
  heapUsedMb: number
  /** Buffers and other memory outside V8's heap (sockets' buffers among them). */
  externalMb: number
}

export type ProbeRequest = { probe: 'reset' } | { probe: 'read' } | { probe: 'memory' }
export type ProbeReply = { probe: 'stats'; stats: ServerStats }
export type MemoryReply = { probe: 'memory-reading'; memory: MemoryReading }

/** V8's gc(), without starting the server with --expose-gc (which would make it differ from production). */
function collector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

if (process.send) {
  const delay = startDelayMonitor()
  let cpuStart = process.cpuUsage()
  let wallStart = performance.now()
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 250)
  sampler.unref()

  process.on('message', (message: ProbeRequest) => {
    if (message?.probe === 'reset') {
      delay.reset()
      cpuStart = process.cpuUsage()
      wallStart = performance.now()
      peakRss = process.memoryUsage.rss()
      process.send?.({ probe: 'reset-done' })
    } else if (message?.probe === 'read') {
      const rss = process.memoryUsage.rss()
      peakRss = Math.max(peakRss, rss)
      const cpu = process.cpuUsage(cpuStart)
      const wallMs = performance.now() - wallStart
      const reply: ProbeReply = {
        probe: 'stats',
        stats: {
          rssMb: rss / 2 ** 20,
          peakRssMb: peakRss / 2 ** 20,
          cpuPercent: wallMs > 0 ? ((cpu.user + cpu.system) / 1000 / wallMs) * 100 : 0,
          eventLoopDelayMs: delay.read(),
        },
      }
      process.send?.(reply)
    } else if (message?.probe === 'memory') {
      const gc = collector()
      gc()
      gc()
      const usage = process.memoryUsage()
      const reply: MemoryReply = {
        probe: 'memory-reading',
        memory: {
          rssMb: usage.rss / 2 ** 20,
          heapUsedMb: usage.heapUsed / 2 ** 20,
          externalMb: usage.external / 2 ** 20,
        },
      }
      process.send?.(reply)
    }
  })
  // The channel must not keep a server alive that was asked to stop.
  process.channel?.unref()
}
