import type { JoinResult } from '../api/apiTypes.ts'

/** What a person's device keeps per assessment so they come back to the board without joining again. */
export interface StoredSession {
  assessmentId: string
  token: string
  refreshToken: string
  /** When `token` expires (ISO 8601). */
  expiresAt: string
  person: JoinResult['person']
  /** The assessment's title when they joined, to list the boards this device has joined. */
  title?: string
}

const key = (assessmentId: string) => `co-assess:session:${assessmentId}`

export function sessionFromJoin(joined: JoinResult, title?: string): StoredSession {
  return {
    title,
    assessmentId: joined.assessmentId,
    token: joined.token,
    refreshToken: joined.refreshToken,
    expiresAt: joined.expiresAt,
    person: joined.person,
  }
}

export function loadSession(storage: Storage, assessmentId: string): StoredSession | null {
  let raw: string | null
  try {
    raw = storage.getItem(key(assessmentId))
  } catch {
    return null
  }
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>
    if (
      value.assessmentId !== assessmentId ||
      typeof value.token !== 'string' ||
      typeof value.refreshToken !== 'string' ||
      typeof value.expiresAt !== 'string' ||
      typeof value.person?.id !== 'string'
    ) {
      return null
    }
    return value as StoredSession
  } catch {
    return null
  }
}

export function saveSession(storage: Storage, session: StoredSession): void {
  try {
    storage.setItem(key(session.assessmentId), JSON.stringify(session))
  } catch {
    // Private browsing can refuse storage: the board still works until the tab closes.
  }
}

export function clearSession(storage: Storage, assessmentId: string): void {
  try {
    storage.removeItem(key(assessmentId))
  } catch {
    // Nothing stored, nothing to clear.
  }
}
