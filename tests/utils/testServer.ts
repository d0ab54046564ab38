import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Role, StakeholderGroup } from '@co-assess/board-model'
import { type CoAssessServer, createServer, readConfig } from '@co-assess/server'
import { HocuspocusProvider } from '@hocuspocus/provider'
import pino from 'pino'
import * as Y from 'yjs'
import { waitFor } from './waitFor.ts'

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef'

export interface Joined {
  token: string
  refreshToken: string
  person: { id: string; name: string; group: StakeholderGroup; role: Role; colour: string }
  assessmentId: string
}

export interface TestServer {
  server: CoAssessServer
  baseUrl: string
  wsUrl: string
  dataDir: string
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string },
  ): Promise<{ status: number; body: any }>
  createAssessment(): Promise<{ assessmentId: string; chair: Joined }>
  /** A new assessment with its chair and two participants: Ivy (ICS) and Vic (VCSE). */
  createRoom(): Promise<{ assessmentId: string; chair: Joined; ics: Joined; vcse: Joined }>
  invite(assessmentId: string, chairToken: string, role: Role): Promise<string>
  join(inviteToken: string, name: string, group: StakeholderGroup): Promise<Joined>
  connect(documentName: string, token: string): Promise<{ doc: Y.Doc; provider: HocuspocusProvider }>
  /** Stops the server; keepData leaves the store for a restart on the same folder. */
  stop(options?: { keepData?: boolean }): Promise<void>
}

/** A real server on a free port with its own temporary store, as a new user would run it. */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'co-assess-')),
): Promise<TestServer> {
  const config = readConfig([], {
    PORT: '0',
    CO_ASSESS_DATA_DIR: dataDir,
    CO_ASSESS_ADMIN_KEY: ADMIN_KEY,
    CO_ASSESS_LOG_LEVEL: 'silent',
    ...(process.env.CO_ASSESS_RUBRIC_DIR ? { CO_ASSESS_RUBRIC_DIR: process.env.CO_ASSESS_RUBRIC_DIR } : {}),
    ...env,
  })
  const server = await createServer(config, pino({ level: 'silent' }))
  const address = await server.listen()
  const baseUrl = address
  const wsUrl = `${address.replace('http', 'ws')}/sync`
  const providers: HocuspocusProvider[] = []

  const api: TestServer['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = {}
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    if (init.token) headers.authorization = `Bearer ${init.token}`
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body:
        init.body === undefined
          ? undefined
          : typeof init.body === 'string'
            ? init.body
            : JSON.stringify(init.body),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }

  const join: TestServer['join'] = async (inviteToken, name, group) => {
    const response = await api(`/api/invites/${inviteToken}/join`, {
      body: { displayName: name, organisation: `${name} Org`, group },
    })
    if (response.status !== 201) throw new Error(`join failed: ${JSON.stringify(response.body)}`)
    return response.body as Joined
  }

  const self: TestServer = {
    server,
    baseUrl,
    wsUrl,
    dataDir,
    api,
    join,
    async createAssessment() {
      const created = await api('/api/assessments', {
        token: ADMIN_KEY,
        body: {
          title: 'Test assessment',
          frameworkId: 'cqc-hi-2025',
          scope: 'strategic',
          workstream: 'Engagement',
        },
      })
      if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`)
      const chair = await join(created.body.chairInvite.token, 'Chair', 'ics')
      return { assessmentId: created.body.assessment.id, chair }
    },
    async createRoom() {
      const { assessmentId, chair } = await self.createAssessment()
      const ics = await join(await self.invite(assessmentId, chair.token, 'participant'), 'Ivy', 'ics')
      const vcse = await join(await self.invite(assessmentId, chair.token, 'participant'), 'Vic', 'vcse')
      return { assessmentId, chair, ics, vcse }
    },
    async invite(assessmentId, chairToken, role) {
      const response = await api(`/api/assessments/${assessmentId}/invites`, {
        token: chairToken,
        body: { role, expiresInDays: 7 },
      })
      if (response.status !== 201) throw new Error(`invite failed: ${JSON.stringify(response.body)}`)
      return response.body.token as string
    },
    async connect(documentName, token) {
      const doc = new Y.Doc()
      const provider = new HocuspocusProvider({ url: wsUrl, name: documentName, token, document: doc })
      providers.push(provider)
      await waitFor(() => provider.isSynced)
      return { doc, provider }
    },
    async stop(options = {}) {
      for (const provider of providers) provider.destroy()
      await server.close()
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return self
}
