import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../../test/memoryStorage.ts'
import { clearSession, loadSession, type StoredSession, saveSession } from './storedSession.ts'

const session: StoredSession = {
  assessmentId: 'assess1',
  token: 't',
  refreshToken: 'r',
  expiresAt: '2030-01-01T00:00:00.000Z',
  person: {
    id: 'p1',
    name: 'Ana',
    organisation: 'Org',
    group: 'ics',
    role: 'participant',
    colour: '#005eb8',
  },
}

describe('stored sessions', () => {
  it('keeps one session per assessment', () => {
    const storage = memoryStorage()
    saveSession(storage, session)
    expect(loadSession(storage, 'assess1')).toEqual(session)
    expect(loadSession(storage, 'other')).toBeNull()
    clearSession(storage, 'assess1')
    expect(loadSession(storage, 'assess1')).toBeNull()
  })

  it('ignores damaged or foreign entries', () => {
    const storage = memoryStorage()
    storage.setItem('co-assess:session:assess1', '{not json')
    expect(loadSession(storage, 'assess1')).toBeNull()
    storage.setItem('co-assess:session:assess1', JSON.stringify({ ...session, assessmentId: 'other' }))
    expect(loadSession(storage, 'assess1')).toBeNull()
    storage.setItem('co-assess:session:assess1', JSON.stringify({ ...session, token: 3 }))
    expect(loadSession(storage, 'assess1')).toBeNull()
  })
})
