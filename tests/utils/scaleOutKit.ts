import { type ChildProcess, spawn } from 'node:child_process'
import { connect } from 'node:net'
import { userInfo } from 'node:os'
import { ticksMap } from '@co-assess/board-model/roots'
import pg from 'pg'
import * as Y from 'yjs'
import { waitFor } from './waitFor.ts'

// What the scale-out tests share: the PostgreSQL server they make their own databases on, a
// redis-server of their own, and boards created through the HTTP API.

/** node-postgres reads $USER, which CI may not set; psql would log in as the OS user, so do the same. */
export function withUser(connectionString: string): string {
  const url = new URL(connectionString)
  if (!url.username) url.username = process.env.PGUSER || process.env.USER || userInfo().username
  return url.toString()
}

/** The server's `test` database, only used to create and drop a test file's own database. */
export const PG_SERVER = withUser(process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test')

/** The URL of database `name` on the same PostgreSQL server. */
export function databaseUrl(name: string): string {
  const url = new URL(PG_SERVER)
  url.pathname = `/${name}`
  return url.toString()
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export function tcpOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host, timeout: 1000 })
    const finish = (open: boolean) => {
      socket.destroy()
      done(open)
    }
    socket.once('connect', () => finish(true))
    socket.once('timeout', () => finish(false))
    socket.once('error', () => finish(false))
  })
}

/** A redis-server of the test's own on `port`, keeping nothing on disk. */
export function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  return waitFor(() => tcpOpen(port), { timeout: 10_000, interval: 20 }).then(() => redis)
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill(signal)
  })
}

export interface Person {
  token: string
  person: { id: string }
}

export async function api<T>(base: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json: unknown = await response.json()
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`)
  return json as T
}

/** An assessment with a chair and `participants` more people who tick, created through `base`. */
export async function newBoard(
  base: string,
  adminKey: string,
  participants: number,
): Promise<{ id: string; writers: Person[] }> {
  const created = await api<{ assessment: { id: string }; chairInvite: { token: string } }>(
    base,
    '/api/assessments',
    { title: 'Scale-out', frameworkId: 'cqc-hi-2025', scope: 'operational', workstream: 'x' },
    adminKey,
  )
  const id: string = created.assessment.id
  const chair = await api<Person>(base, `/api/invites/${created.chairInvite.token}/join`, {
    displayName: 'Chair',
    organisation: 'ICB',
    group: 'ics',
  })
  const writers = [chair]
  for (let n = 0; n < participants; n++) {
    const invite = await api<{ token: string }>(
      base,
      `/api/assessments/${id}/invites`,
      { role: 'participant', expiresInDays: 1 },
      chair.token,
    )
    writers.push(
      await api(base, `/api/invites/${invite.token}/join`, {
        displayName: `P${n}`,
        organisation: 'Org',
        group: n % 2 ? 'vcse' : 'lived-experience',
      }),
    )
  }
  return { id, writers }
}

export const hasAll = (doc: Y.Doc, keys: Iterable<string>) => [...keys].every((key) => ticksMap(doc).has(key))

/**
 * Whether every write is there: a key holding the write's stamp or a later one. Writers cycle through
 * the framework's items (the write gate refuses any other), so a key is written more than once.
 */
export const hasAllStamped = (stamps: ReadonlyMap<string, number>, written: ReadonlyMap<string, number>) =>
  [...written].every(([key, at]) => (stamps.get(key) ?? -1) >= at)

export const tickStamps = (doc: Y.Doc): Map<string, number> =>
  new Map([...ticksMap(doc).entries()].map(([key, tick]) => [key, tick.at]))

/** How many stored log rows carry each tick key of `board` in the database at `dbUrl`. */
export async function storedTickCounts(dbUrl: string, board: string): Promise<Map<string, number>> {
  const db = new pg.Client({ connectionString: dbUrl })
  await db.connect()
  try {
    const { rows } = await db.query<{ data: Buffer }>(
      'SELECT data FROM document_updates WHERE doc_name = $1',
      [board],
    )
    const counts = new Map<string, number>()
    for (const row of rows) {
      for (const struct of Y.decodeUpdate(new Uint8Array(row.data)).structs) {
        const key = struct instanceof Y.Item ? struct.parentSub : null
        if (key) counts.set(key, (counts.get(key) ?? 0) + 1)
      }
    }
    return counts
  } finally {
    await db.end()
  }
}

/** The tick keys of `board` as the database at `dbUrl` holds it: its snapshot, if any, and its log. */
export async function storedTicks(dbUrl: string, board: string): Promise<Set<string>> {
  return new Set((await storedTickStamps(dbUrl, board)).keys())
}

/** Every stored tick of a board with its stamp, read straight from PostgreSQL. */
export async function storedTickStamps(dbUrl: string, board: string): Promise<Map<string, number>> {
  const db = new pg.Client({ connectionString: dbUrl })
  await db.connect()
  try {
    const doc = new Y.Doc()
    const snapshot = await db.query<{ data: Buffer }>(
      'SELECT data FROM document_snapshots WHERE doc_name = $1',
      [board],
    )
    const log = await db.query<{ data: Buffer }>(
      'SELECT data FROM document_updates WHERE doc_name = $1 ORDER BY seq',
      [board],
    )
    // Applying an update twice changes nothing, so log rows the snapshot already covers do no harm.
    for (const row of [...snapshot.rows, ...log.rows]) Y.applyUpdate(doc, new Uint8Array(row.data))
    return tickStamps(doc)
  } finally {
    await db.end()
  }
}
