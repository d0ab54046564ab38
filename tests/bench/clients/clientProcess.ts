import { setTick } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import * as Y from 'yjs'
import { frameworkItems } from '../../utils/frameworkItems.ts'
import { nowMs, sleep, stampMicros } from '../clock.ts'
import { startDelayMonitor } from '../eventLoopDelay.ts'
import type { ClientRequest, ClientSpec, Collected, Opened, Ran } from './protocol.ts'
import { MAX_GRACES } from './protocol.ts'
import { type BenchProvider, openProvider } from './transports.ts'

// A client process: hosts many real providers (one WebSocket each), writes ticks on a schedule and
// records when each reader observes each tick. Driven by the bench over IPC.

interface Client {
  spec: ClientSpec
  doc: Y.Doc
  provider: BenchProvider
  /** Writes of the current run seen by this reader (tick key and stamp), with how many times each arrived. */
  seen: Map<string, number>
}

const clients: Client[] = []
/**
 * Writers tick the framework's real items (the write gate refuses any other), cycling through them;
 * a write is told apart by its key and its stamp, and a run's writes by stamps from its start on.
 */
const { items } = frameworkItems()
let runFrom = Number.POSITIVE_INFINITY
let latencies: number[] = []
const lastArrival = new Map<string, number>()
let doubled = 0
const delay = startDelayMonitor()
let cpuStart = process.cpuUsage()
let wallStart = performance.now()

function send(message: Opened | Ran | Collected | { type: 'closed' }) {
  process.send?.(message)
}

function observe(client: Client) {
  ticksMap(client.doc).observe((event) => {
    const arrived = nowMs()
    for (const key of event.keysChanged) {
      const tick = ticksMap(client.doc).get(key)
      if (!tick || tick.at < runFrom) continue
      const write = `${key}@${tick.at}`
      const count = (client.seen.get(write) ?? 0) + 1
      client.seen.set(write, count)
      if (count > 1) {
        doubled++
        continue
      }
      const latency = arrived - tick.at / 1000
      latencies.push(latency)
      if ((lastArrival.get(write) ?? Number.NEGATIVE_INFINITY) < latency) lastArrival.set(write, latency)
    }
  })
}

async function open(message: Extract<ClientRequest, { type: 'open' }>): Promise<Opened> {
  const openMs: number[] = []
  let failed = 0
  let next = 0
  const worker = async () => {
    while (next < message.clients.length) {
      const spec = message.clients[next++]!
      const doc = new Y.Doc()
      const started = nowMs()
      const provider = openProvider(message.transport, {
        url: spec.url,
        board: spec.board,
        token: spec.token,
        doc,
      })
      const client: Client = { spec, doc, provider, seen: new Map() }
      clients.push(client)
      if (spec.reads) observe(client)
      const synced = await Promise.race([
        new Promise<boolean>((resolve) => provider.onSynced(() => resolve(true))),
        sleep(message.timeoutMs).then(() => false),
      ])
      if (synced) openMs.push(nowMs() - started)
      else failed++
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, message.concurrency) }, worker))
  return { type: 'opened', openMs: Float64Array.from(openMs), failed }
}

async function run(message: Extract<ClientRequest, { type: 'run' }>): Promise<Ran> {
  runFrom = Math.round(message.startAt * 1000)
  latencies = []
  lastArrival.clear()
  doubled = 0
  for (const client of clients) client.seen.clear()
  delay.reset()
  cpuStart = process.cpuUsage()
  wallStart = performance.now()

  const writers = clients
    .filter((c) => c.spec.writeRate > 0)
    .map((client) => ({ client, interval: 1000 / client.spec.writeRate, next: 0 }))
  const written: Record<string, number> = {}
  let maxScheduleLagMs = 0
  const end = message.startAt + message.durationMs
  for (;;) {
    let soonest = Number.POSITIVE_INFINITY
    for (const writer of writers) {
      let due = message.startAt + writer.client.spec.phaseMs + writer.next * writer.interval
      while (due < end && due <= nowMs()) {
        maxScheduleLagMs = Math.max(maxScheduleLagMs, nowMs() - due)
        const n = writer.next++
        const item = items[n % items.length]!
        setTick(writer.client.doc, writer.client.spec.personId, item, n % 2 === 0, stampMicros())
        written[writer.client.spec.board] = (written[writer.client.spec.board] ?? 0) + 1
        due = message.startAt + writer.client.spec.phaseMs + writer.next * writer.interval
      }
      if (due < end) soonest = Math.min(soonest, due)
    }
    const now = nowMs()
    if (soonest === Number.POSITIVE_INFINITY) {
      if (now >= end) break
      await sleep(end - now)
      continue
    }
    await sleep(soonest - now)
  }
  return { type: 'ran', written, maxScheduleLagMs }
}

async function collect(message: Extract<ClientRequest, { type: 'collect' }>): Promise<Collected> {
  const readers = clients.filter((c) => c.spec.reads)
  const missing = (client: Client) =>
    Math.max(0, (message.expected[client.spec.board] ?? 0) - client.seen.size)
  // Late is not lost: wait while deliveries keep arriving (protocol.ts, MAX_GRACES).
  const seenSoFar = () => readers.reduce((n, r) => n + r.seen.size, 0)
  const lastChance = nowMs() + message.graceMs * MAX_GRACES
  let deadline = nowMs() + message.graceMs
  let seen = seenSoFar()
  while (nowMs() < Math.min(deadline, lastChance) && readers.some((r) => missing(r) > 0)) {
    await sleep(20)
    const now = seenSoFar()
    if (now > seen) {
      seen = now
      deadline = nowMs() + message.graceMs
    }
  }
  const cpu = process.cpuUsage(cpuStart)
  const wallMs = performance.now() - wallStart
  const lost = readers.reduce((sum, r) => sum + missing(r), 0)
  const result: Collected = {
    type: 'collected',
    latencies: Float64Array.from(latencies),
    lastArrival: [...lastArrival],
    readers: readers.length,
    lost,
    doubled,
    worstReaderMissing: readers.reduce((worst, r) => Math.max(worst, missing(r)), 0),
    client: {
      cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
      eventLoopDelayMs: delay.read(),
    },
  }
  runFrom = Number.POSITIVE_INFINITY
  return result
}

process.on('message', (message: ClientRequest) => {
  const handle = async () => {
    switch (message.type) {
      case 'open':
        return send(await open(message))
      case 'run':
        return send(await run(message))
      case 'collect':
        return send(await collect(message))
      case 'close':
        for (const client of clients) client.provider.destroy()
        send({ type: 'closed' })
        setTimeout(() => process.exit(0), 50)
    }
  }
  handle().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
})
