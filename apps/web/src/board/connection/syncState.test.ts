import { describe, expect, it } from 'vitest'
import { describeSync } from './syncState.ts'

describe('describeSync', () => {
  const base = { status: 'connected' as const, unsynced: 0, synced: true, online: true }
  it('says saved when nothing waits', () => {
    expect(describeSync(base)).toMatchObject({ kind: 'saved', label: 'All changes saved' })
  })
  it('says saving while the server has not confirmed changes', () => {
    expect(describeSync({ ...base, unsynced: 2 })).toMatchObject({
      kind: 'saving',
      detail: 'Saving 2 changes.',
    })
  })
  it('counts changes waiting while offline', () => {
    expect(describeSync({ ...base, online: false, unsynced: 1 })).toMatchObject({
      kind: 'offline',
      label: 'Offline: 1 change waiting',
    })
    expect(describeSync({ ...base, status: 'disconnected', unsynced: 0 }).label).toBe('Offline')
  })
  it('says connecting before the first exchange', () => {
    expect(describeSync({ ...base, synced: false }).kind).toBe('connecting')
    expect(describeSync({ ...base, status: 'connecting', unsynced: 3 }).detail).toMatch(/3 changes/)
  })
})
