import { describe, expect, it } from 'vitest'
import { DocumentWriteLock } from './documentWriteLock.ts'

describe('DocumentWriteLock', () => {
  it('lets a second writer check the document only after the first has been applied', async () => {
    const lock = new DocumentWriteLock()
    const document = {}
    const events: string[] = []
    const first = new Uint8Array([1])
    const second = new Uint8Array([2])

    // The shape of Hocuspocus's handling: hooks (guard, then an awaited disk write), then a
    // synchronous apply straight after the hooks resolve.
    const handle = async (name: string, payload: Uint8Array, flushMs: number) => {
      await lock.acquire(document, payload)
      events.push(`${name} checked`)
      await new Promise((resolve) => setTimeout(resolve, flushMs))
      lock.releaseAfterApply(payload)
      events.push(`${name} applied`)
    }
    await Promise.all([handle('first', first, 20), handle('second', second, 0)])
    expect(events).toEqual(['first checked', 'first applied', 'second checked', 'second applied'])
  })

  it('keeps documents apart, and a refused update frees the document too', async () => {
    const lock = new DocumentWriteLock()
    const a = {}
    const b = {}
    const refused = new Uint8Array([1])
    await lock.acquire(a, refused)
    // Another document is not held up by a.
    await lock.acquire(b, new Uint8Array([2]))
    lock.releaseAfterApply(refused)
    // a is free again once the refusal's macrotask has run.
    await lock.acquire(a, new Uint8Array([3]))
  })
})
