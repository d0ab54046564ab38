import { WebSocketStatus } from '@hocuspocus/provider'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { localCopyOf } from './localCopy.ts'
import { OrderedProvider } from './OrderedProvider.ts'
import { unloadedCopy } from './unloadedCopyForTests.ts'

/** Just enough of a provider socket to construct a provider without a network. */
function fakeSocket() {
  return {
    status: WebSocketStatus.Connecting as WebSocketStatus,
    webSocket: null as { readyState: number } | null,
    connectionAttempt: {} as unknown,
    on: () => {},
    off: () => {},
    attach: () => {},
    detach: () => {},
  }
}

function setUp(localCopy?: ReturnType<typeof localCopyOf>) {
  const socket = fakeSocket()
  const doc = new Y.Doc()
  const provider = new OrderedProvider({
    name: 'board',
    document: doc,
    localCopy,
    // biome-ignore lint/suspicious/noExplicitAny: a stand-in for the provider's websocket class
    websocketProvider: socket as any,
  })
  const sent = vi.fn()
  provider.send = sent
  return { socket, doc, provider, sent }
}

/** How many times the provider began a sync exchange (its first message, what the server answers). */
function syncsBegun(sent: ReturnType<typeof vi.fn>): number {
  return sent.mock.calls.filter(([message]) => (message as { name?: string }).name === 'SyncStepOneMessage')
    .length
}

describe('OrderedProvider', () => {
  it('holds back edits until the socket is open, authenticated and synced, and counts them as waiting', () => {
    const { socket, doc, provider, sent } = setUp()
    doc.getMap('ticks').set('a/1a.emerging.1', { ticked: true, at: 1 })
    expect(sent).not.toHaveBeenCalled()
    expect(provider.waitingChanges).toBe(1)

    // Open, but the first message has not arrived (the stock provider would send and reorder here).
    socket.status = WebSocketStatus.Connected
    socket.webSocket = { readyState: 1 }
    provider.isAuthenticated = true
    provider.isSynced = true
    doc.getMap('ticks').set('a/1a.emerging.2', { ticked: true, at: 2 })
    expect(sent).not.toHaveBeenCalled()
    expect(provider.waitingChanges).toBe(2)

    socket.connectionAttempt = null
    doc.getMap('ticks').set('a/1a.emerging.3', { ticked: true, at: 3 })
    expect(sent).toHaveBeenCalledTimes(1)
    expect(provider.waitingChanges).toBe(3)

    // The server confirms what was sent since the sync; the sync itself carried the held edits.
    provider.decrementUnsyncedChanges()
    expect(provider.waitingChanges).toBe(0)
    provider.destroy()
  })

  it('does not send back what the server sent', () => {
    const { doc, provider, sent } = setUp()
    Y.transact(doc, () => doc.getMap('ticks').set('b/1a.emerging.1', { ticked: true, at: 1 }), provider)
    expect(sent).not.toHaveBeenCalled()
    expect(provider.waitingChanges).toBe(0)
    provider.destroy()
  })

  it("starts the sync exchange in the turn the device's copy loads, before a render that load queued", async () => {
    const idb = unloadedCopy()
    const { socket, provider, sent } = setUp(localCopyOf(idb, 60_000))
    socket.status = WebSocketStatus.Connected
    provider.startSync()
    expect(syncsBegun(sent)).toBe(0)

    // The copy's apply queues the board's render as a microtask; the exchange must not wait for it.
    const order: string[] = []
    queueMicrotask(() => order.push(syncsBegun(sent) > 0 ? 'render after the sync began' : 'render first'))
    idb.synced = true
    idb.emit('synced', [idb])
    expect(syncsBegun(sent)).toBe(1)
    await Promise.resolve()
    expect(order).toEqual(['render after the sync began'])
    provider.destroy()
  })

  it('does not wait for a copy that never loads for longer than it was told', () => {
    vi.useFakeTimers()
    try {
      const idb = unloadedCopy()
      const { socket, provider, sent } = setUp(localCopyOf(idb, 3000))
      socket.status = WebSocketStatus.Connected
      provider.startSync()
      vi.advanceTimersByTime(2999)
      expect(syncsBegun(sent)).toBe(0)
      vi.advanceTimersByTime(1)
      expect(syncsBegun(sent)).toBe(1)
      provider.destroy()
    } finally {
      vi.useRealTimers()
    }
  })
})
