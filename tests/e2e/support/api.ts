import { type APIRequestContext, expect } from '@playwright/test'
import { E2E_ADMIN_KEY } from './env.ts'

export interface Invite {
  id: string
  token: string
  path: string
  role: string
}

export interface FrameworkArea {
  id: string
  title: string
  levels: Array<{ level: string; items: Array<{ id: string; text: string }> }>
}

export interface Framework {
  id: string
  levels: Array<{ id: string; label: string }>
  phases: Array<{ id: string; title: string; areas: FrameworkArea[] }>
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(
    true,
  )
  return (await response.json()) as T
}

/** The first framework the server loaded, whole: tests take their areas and items from it. */
export async function firstFramework(request: APIRequestContext): Promise<Framework> {
  const list = await json<Array<{ id: string }>>(await request.get('/api/frameworks'))
  const preferred = list.find((f) => f.id === 'cqc-hi-2025') ?? list[0]
  if (!preferred) throw new Error('The server loaded no framework')
  return json<Framework>(await request.get(`/api/frameworks/${preferred.id}`))
}

/** Creates an assessment with the admin key, as the person setting up a workshop would. */
export async function createAssessment(request: APIRequestContext, title: string, frameworkId: string) {
  const created = await json<{ assessment: { id: string }; chairInvite: Invite }>(
    await request.post('/api/assessments', {
      headers: { Authorization: `Bearer ${E2E_ADMIN_KEY}` },
      data: { title, frameworkId, scope: 'strategic', workstream: 'Health inequalities workshop' },
    }),
  )
  return { assessmentId: created.assessment.id, chairInvite: created.chairInvite }
}

/** An invite made by the chair through the API (with the chair's own token, from their browser). */
export async function createInvite(
  request: APIRequestContext,
  assessmentId: string,
  chairToken: string,
  role: 'participant' | 'observer' | 'peer-reviewer' | 'chair',
): Promise<Invite> {
  return json<Invite>(
    await request.post(`/api/assessments/${assessmentId}/invites`, {
      headers: { Authorization: `Bearer ${chairToken}` },
      data: { role, expiresInDays: 7 },
    }),
  )
}

export function allItems(area: FrameworkArea): string[] {
  return area.levels.flatMap((level) => level.items.map((item) => item.id))
}
