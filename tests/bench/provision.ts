import { randomBytes } from 'node:crypto'
import { ADMIN_KEY, type BenchServer } from './serverProcess.ts'

export interface Person {
  personId: string
  token: string
}

export interface Board {
  board: string
  /** people[0] is a participant who writes; the rest read (the chair among them on ours). */
  people: Person[]
}

let forwardedFor = 0

/**
 * The join and create routes allow 30 requests a minute per address whatever the global limit is; the
 * bench's servers believe X-Forwarded-For from loopback (CO_ASSESS_TRUSTED_PROXIES, as behind a proxy),
 * so each bench request says it comes from its own address, as people joining from their own machines would.
 */
async function api<T>(server: BenchServer, path: string, body: unknown, bearer?: string): Promise<T> {
  forwardedFor++
  const response = await fetch(`${server.httpUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `127.${1 + ((forwardedFor >> 16) & 0xff)}.${(forwardedFor >> 8) & 0xff}.${forwardedFor & 0xff}`,
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) {
    // The server's own log says why (a 500's body says only "something went wrong").
    const log = server.output().trim().split('\n').slice(-15).join('\n')
    throw new Error(`POST ${path} answered ${response.status}: ${text}\nserver log:\n${log}`)
  }
  return JSON.parse(text) as T
}

const GROUPS = ['ics', 'vcse', 'lived-experience'] as const

async function inParallel<T>(count: number, limit: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++
        out[i] = await make(i)
      }
    }),
  )
  return out
}

/** Boards with `people` each: real assessments and joined people on ours; names alone on the references. */
export async function provisionBoards(
  server: BenchServer,
  boards: number,
  people: number,
  /** Receives how long each participant's join took (ms), when given. */
  joinTimes?: number[],
): Promise<Board[]> {
  if (server.kind !== 'ours') {
    const run = randomBytes(4).toString('hex')
    return Array.from({ length: boards }, (_, b) => ({
      board: `bench-${run}-${b}`,
      people: Array.from({ length: people }, (_, p) => ({ personId: `person-${b}-${p}`, token: 'none' })),
    }))
  }
  return inParallel(boards, 2, async (b) => {
    const created = await api<{ assessment: { id: string }; chairInvite: { token: string } }>(
      server,
      '/api/assessments',
      { title: `Bench board ${b + 1}`, frameworkId: 'cqc-hi-2025', scope: 'strategic', workstream: 'Bench' },
      ADMIN_KEY,
    )
    const chair = await api<{ token: string; person: { id: string } }>(
      server,
      `/api/invites/${created.chairInvite.token}/join`,
      { displayName: 'Chair', organisation: 'Bench ICB', group: 'ics' },
    )
    const invite = await api<{ token: string }>(
      server,
      `/api/assessments/${created.assessment.id}/invites`,
      { role: 'participant', expiresInDays: 1 },
      chair.token,
    )
    const participants = await inParallel(people - 1, 4, async (p) => {
      const started = performance.now()
      const joined = await api<{ token: string; person: { id: string } }>(
        server,
        `/api/invites/${invite.token}/join`,
        {
          displayName: `Person ${p + 1}`,
          organisation: `Organisation ${p % 7}`,
          group: GROUPS[p % GROUPS.length]!,
        },
      )
      joinTimes?.push(performance.now() - started)
      return joined
    })
    return {
      board: created.assessment.id,
      people: [...participants, chair].map((joined) => ({ personId: joined.person.id, token: joined.token })),
    }
  })
}
