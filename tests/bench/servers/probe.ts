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

export type ProbeRequest = { probe: 'reset' } | { probe: 'read' }
export type ProbeReply = { probe: 'stats'; stats: ServerStats }

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
    }
  })
  // The channel must not keep a server alive that was asked to stop.
  process.channel?.unref()
}
