import { describe, expect, it } from 'vitest'
import type { ActionHistoryEntry } from '../values.ts'
import { actionSchema } from '../values.ts'
import { agreedBefore, agreementOf, describeHistoryEntry } from './actionHistory.ts'

const entry: ActionHistoryEntry = {
  assessmentId: 'asmt-old1',
  title: 'Engagement 2025',
  startedAt: '2025-06-01T09:00:00.000Z',
  actionId: 'act-old1',
  status: 'in-progress',
  agreed: { sessionNumber: 2, sessionStartedAt: Date.UTC(2025, 5, 3, 18) },
  feedback: { toldAt: '2025-06-20', how: 'At the June forum' },
  carriedAt: Date.UTC(2026, 0, 5),
}

describe('a carried action’s history in words', () => {
  it('says the earlier assessment, status then, the session it was agreed in and how people were told', () => {
    expect(describeHistoryEntry(entry)).toBe(
      'In "Engagement 2025" (started 1 June 2025): status in progress; agreed in session 2, started 3 June 2025; the people who raised it were told on 20 June 2025 (At the June forum).',
    )
    expect(
      describeHistoryEntry({
        ...entry,
        status: 'proposed',
        agreed: null,
        feedback: { toldAt: null, how: '' },
      }),
    ).toBe(
      'In "Engagement 2025" (started 1 June 2025): status proposed; not agreed; the people who raised it had not yet been told.',
    )
    expect(
      describeHistoryEntry({ ...entry, agreed: { sessionNumber: null, sessionStartedAt: null } }),
    ).toContain('agreed outside a session')
  })

  it('dates an agreement from the latest earlier assessment, and says nothing without a history', () => {
    const older = { ...entry, title: 'Engagement 2024', agreed: { sessionNumber: 1, sessionStartedAt: 0 } }
    expect(agreedBefore({ history: [older, entry] })).toBe(
      'Before this assessment, in "Engagement 2025": agreed in session 2, started 3 June 2025',
    )
    expect(agreedBefore({})).toBeNull()
    expect(agreedBefore({ history: [{ ...entry, agreed: null }] })).toBeNull()
  })
})

describe('the action schema', () => {
  const action = {
    id: 'act-new1',
    youSaid: 'Evenings',
    raisedBy: ['vcse'],
    weDid: '',
    whatChanged: '',
    owner: '',
    dueDate: null,
    status: 'agreed',
    droppedReason: '',
    areaIds: ['1a'],
    proposedBy: 'person1',
    fromCommentId: null,
    agreedInSession: null,
    feedback: { toldAt: null, how: '' },
    createdAt: 1,
    updatedAt: 1,
    carriedFrom: null,
  }

  it('still accepts an action written before history existed, and one with a history', () => {
    expect(actionSchema.safeParse(action).success).toBe(true)
    expect(actionSchema.safeParse({ ...action, carriedFrom: 'act-old1', history: [entry] }).success).toBe(
      true,
    )
  })

  it('refuses a history entry of the wrong shape', () => {
    const bad = { ...entry, agreed: { sessionNumber: 0, sessionStartedAt: null } }
    expect(actionSchema.safeParse({ ...action, history: [bad] }).success).toBe(false)
    expect(actionSchema.safeParse({ ...action, history: [{ ...entry, extra: 1 }] }).success).toBe(false)
  })
})

describe('whether an action was agreed', () => {
  const base = { agreedInSession: null, history: [] as ActionHistoryEntry[] }

  it('says a proposal dropped before anyone agreed it was never agreed, even dropped during a session', () => {
    expect(agreementOf({ ...base, status: 'dropped', agreedAt: null })).toEqual({ kind: 'never' })
    expect(agreementOf({ ...base, status: 'dropped', agreedAt: null, agreedInSession: 'sess-1' })).toEqual({
      kind: 'never',
    })
  })

  it('keeps an agreement for an action agreed and then dropped, and reads older actions as before', () => {
    expect(agreementOf({ ...base, status: 'dropped', agreedAt: 3, agreedInSession: 'sess-1' })).toEqual({
      kind: 'session',
      sessionId: 'sess-1',
    })
    expect(agreementOf({ ...base, status: 'dropped', agreedAt: 3 })).toEqual({ kind: 'outside' })
    expect(agreementOf({ ...base, status: 'dropped', agreedInSession: 'sess-1' })).toEqual({
      kind: 'session',
      sessionId: 'sess-1',
    })
    expect(agreementOf({ ...base, status: 'proposed', agreedAt: null })).toEqual({ kind: 'not-yet' })
    expect(agreementOf({ ...base, status: 'agreed', history: [entry] }).kind).toBe('before')
  })
})
