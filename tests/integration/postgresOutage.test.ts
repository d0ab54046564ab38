import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTick, tickKey } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type ChildServer, startChildServer } from '../utils/childServer.ts'
import { frameworkItems } from '../utils/frameworkItems.ts'
import { type PrivatePostgres, postgresBinaries, startPrivatePostgres } from '../utils/privatePostgres.ts'
import { api, newBoard, type Person, storedTickStamps, tickStamps } from '../utils/scaleOutKit.ts'
import { waitFor } from '../utils/waitFor.ts'

// PostgreSQL going away and coming back while people write (issue 17). One Co-assess process on a
// PostgreSQL server of the test's own, which the test stops with pg_ctl and starts again, then
// restarts in one command. People write through stock HocuspocusProviders, ticking all the time.
// While PostgreSQL is down no update may be acknowledged, HTTP answers 503 and /api/ready says not
// ready, and the process keeps running. Once it is back, with no restart of Co-assess, the providers
// reconnect by themselves, their unsaved changes are stored, every acknowledged update is in the
// database, and new people can join.

const RUN = randomBytes(4).toString('hex')
const ADMIN_KEY = `outage-admin-key-${RUN}-0123456789`
const { items } = frameworkItems()
/** Ticks every this many ms per writer, whatever the connection is doing. */
const TICK_EVERY_MS = 25

const bin = postgresBinaries()
if (!bin) console.log('PostgreSQL outage test skipped: no initdb/pg_ctl under /usr/lib/postgresql/*/bin')

/** Reads an unsigned LEB128 integer, as lib0 writes them. */
function readVarUint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0
  let shift = 0
  for (;;) {
    if (at.pos >= bytes.length) return -1
    const byte = bytes[at.pos++]!
    value += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) return value
    shift += 7
  }
}

/** The message type (and the sync message's own type) after the document name, as Hocuspocus frames them. */
function frame(bytes: Uint8Array): { type: number; sub: number } {
  const at = { pos: 0 }
  const nameLength = readVarUint(bytes, at)
  if (nameLength < 0) return { type: -1, sub: -1 }
  at.pos += nameLength // the document name
  const type = readVarUint(bytes, at)
  return { type, sub: readVarUint(bytes, at) }
}

const SYNC = 0
const SYNC_STATUS = 8
const STEP2 = 1
const UPDATE = 2
const asBytes = (data: unknown) =>
  data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null
const keyOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/**
 * One person writing through a stock provider, with every write and every acknowledgement recorded.
 * An acknowledgement is the server's "applied" sync status for a message carrying the writer's
 * changes (an update, or its answer to the server's sync step 1): Hocuspocus answers each such
 * message once, in order, on its socket. The writer's socket records what it sends and receives, so
 * each answer is matched to the message it answers, and so to the writes that message carried. The
 * gate applies (and so acknowledges) an update only once everything it builds on is in the board, so
 * an acknowledged message acknowledges every write made before it.
 */
class Writer {
  readonly doc = new Y.Doc()
  readonly provider: HocuspocusProvider
  /** Every write in order: the tick's key and stamp, and when it was made. */
  readonly writes: Array<{ key: string; stamp: number; at: number }> = []
  /** How many of `writes` (a prefix) the server has acknowledged. */
  acked = 0
  readonly acks: Array<{ at: number; count: number }> = []
  readonly closes: Array<{ at: number; code: number }> = []
  /** How many writes each sync message the provider made carries, by its bytes. */
  private readonly carries = new Map<string, number>()
  private lastStamp = 0
  private timer: NodeJS.Timeout | undefined
  readonly destroy: () => void

  readonly person: Person

  constructor(server: ChildServer, board: string, person: Person) {
    this.person = person
    const writer = this
    /** The socket the provider opens: records each sync message sent, and the answer to each. */
    class RecordingSocket extends WebSocket {
      private readonly awaiting: number[] = []
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        this.addEventListener('message', (event) => {
          const bytes = asBytes(event.data)
          if (!bytes) return
          const { type, sub } = frame(bytes)
          if (type !== SYNC_STATUS) return
          const count = this.awaiting.shift()
          if (sub === 1 && count !== undefined && count > writer.acked) {
            writer.acked = count
            writer.acks.push({ at: performance.now(), count })
          }
        })
      }
      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
        const bytes = asBytes(data)
        if (bytes) {
          const { type, sub } = frame(bytes)
          if (type === SYNC && (sub === STEP2 || sub === UPDATE))
            this.awaiting.push(writer.carries.get(keyOf(bytes)) ?? 0)
        }
        super.send(data)
      }
    }
    // A provider as any client makes one; only the socket class it opens is ours.
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: `${server.wsUrl}?board=${board}`,
      WebSocketPolyfill: RecordingSocket,
    })
    this.provider = new HocuspocusProvider({
      websocketProvider,
      name: board,
      token: person.token,
      document: this.doc,
    })
    this.provider.attach()
    this.destroy = () => {
      this.provider.destroy()
      websocketProvider.destroy()
    }
    this.provider.on('outgoingMessage', ({ message }: { message: { toUint8Array(): Uint8Array } }) => {
      const bytes = message.toUint8Array()
      const { type, sub } = frame(bytes)
      if (type === SYNC && (sub === STEP2 || sub === UPDATE))
        this.carries.set(keyOf(bytes), this.writes.length)
    })
    this.provider.on('close', ({ event }: { event: { code: number } }) => {
      this.closes.push({ at: performance.now(), code: event.code })
    })
  }

  write() {
    const n = this.writes.length
    const stamp = Math.max(Date.now(), this.lastStamp + 1)
    this.lastStamp = stamp
    const item = items[n % items.length]!
    // Recorded first: the provider sends the update (and notes what it carries) inside setTick.
    this.writes.push({ key: tickKey(this.person.person.id, item), stamp, at: performance.now() })
    setTick(this.doc, this.person.person.id, item, n % 3 !== 2, stamp)
  }

  startWriting() {
    this.timer ??= setInterval(() => this.write(), TICK_EVERY_MS)
  }

  stopWriting() {
    clearInterval(this.timer)
    this.timer = undefined
  }

  /** The latest stamp of each key among the first `count` writes. */
  latest(count = this.writes.length): Map<string, number> {
    const stamps = new Map<string, number>()
    for (const write of this.writes.slice(0, count)) stamps.set(write.key, write.stamp)
    return stamps
  }

  writesSince(at: number) {
    return this.writes.filter((write) => write.at >= at).length
  }
}

/** Keys whose stamp in `have` is older than the one written (or missing): what was lost. */
function missingFrom(have: ReadonlyMap<string, number>, written: ReadonlyMap<string, number>): string[] {
  return [...written].filter(([key, stamp]) => (have.get(key) ?? -1) < stamp).map(([key]) => key)
}

async function http(base: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  })
  const json = (await response.json().catch(() => null)) as { error?: string; message?: string } | null
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json }
}

const joinBody = { displayName: 'Late', organisation: 'Org', group: 'vcse' }

describe.skipIf(!bin)('PostgreSQL going away and coming back', () => {
  let postgres: PrivatePostgres | undefined
  let server: ChildServer | undefined
  const writers: Writer[] = []
  const readers: Writer[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'co-assess-outage-'))
  let board: { id: string; writers: Person[] }

  const invite = async () =>
    api<{ token: string }>(
      server!.baseUrl,
      `/api/assessments/${board.id}/invites`,
      { role: 'participant', expiresInDays: 1 },
      board.writers[0]!.token,
    )

  /** Every write each writer has had acknowledged is in PostgreSQL now. */
  const assertAcknowledgedStored = async () => {
    const stored = await storedTickStamps(postgres!.url, board.id)
    for (const writer of writers) expect(missingFrom(stored, writer.latest(writer.acked))).toEqual([])
  }

  beforeAll(async () => {
    postgres = await startPrivatePostgres()
    server = await startChildServer({
      DATABASE_URL: postgres.url,
      CO_ASSESS_ADMIN_KEY: ADMIN_KEY,
      CO_ASSESS_TOKEN_SECRET: `outage-token-secret-${RUN}-0123456789abcdef`,
      CO_ASSESS_DATA_DIR: dataDir,
      CO_ASSESS_READY_TIMEOUT_MS: '3000',
    })
    board = await newBoard(server.baseUrl, ADMIN_KEY, 2)
    for (const person of board.writers) writers.push(new Writer(server, board.id, person))
    await waitFor(() => writers.every((writer) => writer.provider.isSynced), { timeout: 20_000 })
  }, 90_000)

  afterAll(async () => {
    for (const writer of writers) writer.stopWriting()
    for (const writer of [...writers, ...readers]) writer.destroy()
    await server?.kill('SIGKILL')
    await postgres?.destroy()
    rmSync(dataDir, { recursive: true, force: true })
  }, 60_000)

  /** Each writer's state, for a failure message. */
  const state = () =>
    JSON.stringify(
      writers.map((writer) => ({
        written: writer.writes.length,
        acked: writer.acked,
        unsynced: writer.provider.unsyncedChanges,
        authenticated: writer.provider.isAuthenticated,
        status: writer.provider.configuration.websocketProvider.status,
        closes: writer.closes.map((close) => close.code).join(','),
      })),
    )

  /** Waits until every writer has had a write made after `since` acknowledged; returns when. */
  const resumed = async (since: number, timeout: number) => {
    await waitFor(
      () =>
        writers.every((writer) =>
          writer.acks.some(
            (ack) => ack.at > since && writer.writes.slice(0, ack.count).some((write) => write.at > since),
          ),
        ),
      { timeout, interval: 10 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; writers: ${state()}\nserver said:\n${server!.output().slice(-4000)}`)
    })
    return Math.max(
      ...writers.map(
        (writer) =>
          writer.acks.find(
            (ack) => ack.at > since && writer.writes.slice(0, ack.count).some((write) => write.at > since),
          )!.at,
      ),
    )
  }

  /** Stops the writers, waits for everything to be acknowledged, and checks it all in PostgreSQL. */
  const settleAndCheck = async () => {
    for (const writer of writers) writer.stopWriting()
    await waitFor(() => writers.every((writer) => writer.acked === writer.writes.length), {
      timeout: 30_000,
    })
    const stored = await storedTickStamps(postgres!.url, board.id)
    for (const writer of writers) expect(missingFrom(stored, writer.latest())).toEqual([])
    return writers.reduce((sum, writer) => sum + writer.writes.length, 0)
  }

  it('refuses writes while PostgreSQL is stopped, answers 503, and resumes by itself when it starts again', async () => {
    const late = await invite()
    for (const writer of writers) writer.startWriting()
    await waitFor(() => writers.every((writer) => writer.acked >= 10), { timeout: 20_000 })
    const ackedBefore = writers.reduce((sum, writer) => sum + writer.acked, 0)

    const stopping = performance.now()
    await postgres!.stop('fast')
    const down = performance.now()

    // HTTP: not ready, and a request that needs the store gets a 503 saying so, in bounded time.
    const ready = await http(server!.baseUrl, '/api/ready')
    expect(ready.status).toBe(503)
    expect(ready.json?.error).toBe('NotReady')
    expect(ready.json?.message).toMatch(/cannot reach its store/)
    const joined = await http(server!.baseUrl, `/api/invites/${late.token}/join`, joinBody)
    expect(joined.status).toBe(503)
    expect(joined.json?.error).toBe('StorageUnavailable')
    expect(joined.retryAfter).toBe('30')
    expect((await http(server!.baseUrl, '/api/health')).status).toBe(200)

    // Every writer has had a write refused (its socket closed), has come back and been turned away
    // again (its sign-in cannot be checked), and keeps writing while it is down.
    await waitFor(
      () =>
        writers.every(
          (writer) =>
            writer.closes.filter((close) => close.at > stopping).length >= 3 &&
            writer.writesSince(down) >= 40,
        ),
      { timeout: 45_000 },
    )
    const refusedCodes = new Set(
      writers.flatMap((w) => w.closes.filter((c) => c.at > stopping)).map((c) => c.code),
    )
    expect(server!.process.exitCode).toBeNull()

    const starting = performance.now()
    // Nothing written after PostgreSQL went down was acknowledged while it was down.
    for (const writer of writers) {
      const early = writer.acks.filter(
        (ack) => ack.at > down && ack.at < starting && writer.writes[ack.count - 1]!.at >= down,
      )
      expect(early).toEqual([])
      expect(writer.provider.hasUnsyncedChanges).toBe(true)
    }
    const attemptedDown = writers.reduce((sum, writer) => sum + writer.writesSince(down), 0)
    const unacknowledged = writers.reduce((sum, writer) => sum + writer.writes.length - writer.acked, 0)

    await postgres!.start()
    const up = performance.now()
    // Whatever was acknowledged before (or as it went down) was stored.
    await assertAcknowledgedStored()
    expect((await http(server!.baseUrl, '/api/ready')).status).toBe(200)

    // The providers come back by themselves: their writes from the outage and after are acknowledged.
    const back = await resumed(up, 60_000)
    const total = await settleAndCheck()
    expect(server!.process.exitCode).toBeNull()

    // New people can join and open the board, and see everything.
    const person = await api<Person>(server!.baseUrl, `/api/invites/${late.token}/join`, joinBody)
    const reader = new Writer(server!, board.id, person)
    readers.push(reader)
    const everything = new Map<string, number>()
    for (const writer of writers) for (const [key, stamp] of writer.latest()) everything.set(key, stamp)
    await waitFor(
      () => reader.provider.isSynced && missingFrom(tickStamps(reader.doc), everything).length === 0,
      {
        timeout: 20_000,
      },
    )
    expect(ticksMap(reader.doc).size).toBeGreaterThan(0)
    // What a standard provider set aside before its sync is acknowledged once the sync is stored, so
    // none is left showing unsaved changes that are in fact stored.
    await waitFor(() => writers.every((writer) => writer.provider.unsyncedChanges === 0), { timeout: 20_000 })

    console.log(
      `PostgreSQL stopped for ${((up - down) / 1000).toFixed(1)} s (pg_ctl stop took ${(down - stopping).toFixed(0)} ms): ` +
        `${ackedBefore} updates acknowledged before; ${attemptedDown} attempted while down, 0 acknowledged while down ` +
        `(${unacknowledged} waiting at restart; sockets closed with ${[...refusedCodes].join(', ')}); ` +
        `every writer acknowledged again ${((back - up) / 1000).toFixed(2)} s after PostgreSQL was back; ` +
        `${total} updates in all, every one in PostgreSQL, 0 lost; a new person joined after ` +
        `(stock providers' own unsynced counts: ${writers.map((writer) => writer.provider.unsyncedChanges).join(', ')})`,
    )
  }, 180_000)

  it('rides through a PostgreSQL restart while people write, with no restart of Co-assess', async () => {
    for (const writer of writers) writer.startWriting()
    const before = writers.map((writer) => writer.writes.length)
    await waitFor(() => writers.every((writer, n) => writer.acked >= before[n]! + 10), { timeout: 20_000 })

    const restarting = performance.now()
    await postgres!.restart()
    const up = performance.now()
    await assertAcknowledgedStored()
    const closed = writers.reduce(
      (sum, writer) => sum + writer.closes.filter((c) => c.at > restarting).length,
      0,
    )
    const duringRestart = writers.reduce(
      (sum, writer) => sum + writer.writes.filter((w) => w.at >= restarting && w.at <= up).length,
      0,
    )
    const back = await resumed(up, 60_000)
    const total = await settleAndCheck()
    expect(server!.process.exitCode).toBeNull()
    expect((await http(server!.baseUrl, '/api/ready')).status).toBe(200)
    const person = await api<Person>(server!.baseUrl, `/api/invites/${(await invite()).token}/join`, joinBody)
    expect(person.token).toBeTruthy()

    console.log(
      `PostgreSQL restarted in ${((up - restarting) / 1000).toFixed(1)} s: ${duringRestart} updates written during it, ` +
        `${closed} sockets closed; every writer acknowledged again ${((back - up) / 1000).toFixed(2)} s after; ` +
        `${total} updates in all, every one in PostgreSQL, 0 lost; a new person joined after`,
    )
  }, 180_000)
})
