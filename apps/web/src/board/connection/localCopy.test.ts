import { describe, expect, it, vi } from 'vitest'
import { localCopyOf } from './localCopy.ts'
import { unloadedCopy } from './unloadedCopyForTests.ts'

describe('localCopyOf', () => {
  it("keeps a listener's error out of y-indexeddb's load and away from the other listeners", () => {
    vi.useFakeTimers()
    try {
      const idb = unloadedCopy()
      const copy = localCopyOf(idb, 60_000)
      const heard: string[] = []
      copy.whenLoaded(() => {
        throw new Error('a listener failed')
      })
      copy.whenLoaded(() => heard.push('second'))
      idb.synced = true
      expect(() => idb.emit('synced', [idb])).not.toThrow()
      expect(heard).toEqual(['second'])
      // The error is not swallowed: it is reported on its own, in a task of its own.
      expect(() => vi.runAllTimers()).toThrow('a listener failed')
    } finally {
      vi.useRealTimers()
    }
  })

  it('calls a listener at once when the copy is already in the document', () => {
    const idb = unloadedCopy()
    idb.synced = true
    const listener = vi.fn()
    localCopyOf(idb, 60_000).whenLoaded(listener)
    expect(listener).toHaveBeenCalledTimes(1)
  })
})
