import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { BULK_REMOTE_ITEMS, spareBulkRemoteEncoding } from './bulkRemoteUpdates.ts'

const SERVER = { server: true }

/** The server's copy of a board with `ticks` entries, as the update a first sync brings. */
function boardUpdate(ticks: number): Uint8Array {
  const source = new Y.Doc()
  source.transact(() => {
    for (let i = 0; i < ticks; i++) source.getMap('ticks').set(`t${i}`, { at: i + 0.5 })
  })
  return Y.encodeStateAsUpdate(source)
}

function watched() {
  const doc = new Y.Doc()
  const updates: unknown[] = []
  doc.on('update', (_update, origin) => updates.push(origin))
  const keepCopy = vi.fn()
  const stop = spareBulkRemoteEncoding(doc, (origin) => origin === SERVER, keepCopy)
  return { doc, updates, keepCopy, stop }
}

describe('sparing Yjs the encoding of a bulk update from the server', () => {
  it('keeps the copy by a snapshot instead, and the next change reaches the listeners again', () => {
    const { doc, updates, keepCopy } = watched()
    Y.applyUpdate(doc, boardUpdate(BULK_REMOTE_ITEMS + 1), SERVER)
    expect(doc.getMap('ticks').size).toBe(BULK_REMOTE_ITEMS + 1)
    expect(updates).toEqual([])
    expect(keepCopy).toHaveBeenCalledTimes(1)

    doc.getMap('ticks').set('mine', { at: 1 })
    expect(updates).toEqual([null])
  })

  it('leaves small updates from the server, and everything from this device, as they were', () => {
    const { doc, updates, keepCopy } = watched()
    Y.applyUpdate(doc, boardUpdate(3), SERVER)
    Y.applyUpdate(doc, boardUpdate(BULK_REMOTE_ITEMS + 1), 'local copy')
    expect(updates).toEqual([SERVER, 'local copy'])
    expect(keepCopy).not.toHaveBeenCalled()
  })

  it('still hands on a change this device makes while the bulk update is being observed', () => {
    const { doc, updates } = watched()
    doc.getMap('ticks').observe((_event, transaction) => {
      if (transaction.origin === SERVER) doc.getMap('seen').set('board', true)
    })
    Y.applyUpdate(doc, boardUpdate(BULK_REMOTE_ITEMS + 1), SERVER)
    expect(doc.getMap('seen').get('board')).toBe(true)
    expect(updates).toEqual([null])
  })

  it('spares a bulk load of the device copy only when the provider has counted it as held', () => {
    const DEVICE = { device: true }
    const run = (canHold: boolean) => {
      const doc = new Y.Doc()
      const updates: unknown[] = []
      doc.on('update', (_update, origin) => updates.push(origin))
      const keepCopy = vi.fn()
      const held = vi.fn(() => canHold)
      spareBulkRemoteEncoding(doc, (origin) => origin === SERVER, keepCopy, {
        is: (origin) => origin === DEVICE,
        held,
      })
      Y.applyUpdate(doc, boardUpdate(3), DEVICE)
      Y.applyUpdate(doc, boardUpdate(BULK_REMOTE_ITEMS + 1), DEVICE)
      expect(doc.getMap('ticks').size).toBe(BULK_REMOTE_ITEMS + 1)
      // The copy is already on the device: nothing is stored again.
      expect(keepCopy).not.toHaveBeenCalled()
      expect(held).toHaveBeenCalledTimes(1)
      doc.getMap('ticks').set('mine', { at: 1 })
      return updates
    }
    expect(run(true)).toEqual([DEVICE, null])
    // A provider that could send must be handed the update to send it.
    expect(run(false)).toEqual([DEVICE, DEVICE, null])
  })

  it('gives the listeners back when stopped, with any added meanwhile', () => {
    const { doc, updates, stop } = watched()
    const later: unknown[] = []
    const addLater = (transaction: Y.Transaction) => {
      if (transaction.origin !== SERVER) return
      doc.off('afterTransactionCleanup', addLater)
      doc.on('update', (_update, origin) => later.push(origin))
    }
    doc.on('afterTransactionCleanup', addLater)
    Y.applyUpdate(doc, boardUpdate(BULK_REMOTE_ITEMS + 1), SERVER)
    stop()
    Y.applyUpdate(doc, boardUpdate(BULK_REMOTE_ITEMS + 1), SERVER)
    // The first bulk update reached only the listener added while the others were set aside.
    expect(updates).toEqual([SERVER])
    expect(later).toEqual([SERVER, SERVER])
  })
})
