import {
  type beforeHandleAwarenessPayload,
  type Document,
  type Extension,
  isTransactionOrigin,
  type onDestroyPayload,
} from '@hocuspocus/server'

/**
 * How long a renewal may wait before it is relayed. Every client renews its unchanged presence each
 * 15 s and drops anyone else's it has not heard of for 30 s (y-protocols), so a renewal relayed up to
 * 2 s late still arrives with 13 s to spare.
 */
export const RENEWAL_BATCH_MS = 2000

/**
 * Relays presence renewals in batches. A renewal (a client sending its presence again, unchanged, to
 * stay listed) is taken here instead of being relayed at once to everyone: the server's own copy is
 * kept alive now, and every renewal of the last RENEWAL_BATCH_MS on a document goes out as one
 * message. In a room of 200 that is one message every 2 s to each person instead of about 13 a
 * second (BENCHMARKS.md, issue 15); changes (a new area, a caret) are relayed at once, as before.
 *
 * It runs after the presence rewrite (awarenessExtension), so it compares what others would see.
 * Presence relayed from another instance through Redis was batched there and passes untouched.
 */
export function presenceRenewals(options: { batchMs?: number } = {}): Extension & {
  /** Relays every renewal held so far now (tests, shutdown). */
  relayNow(): void
} {
  const held = new Map<Document, Set<number>>()
  let timer: NodeJS.Timeout | null = null

  const relayNow = () => {
    if (timer) clearTimeout(timer)
    timer = null
    for (const [document, clientIds] of held) {
      held.delete(document)
      if (document.isDestroyed) continue
      const states = document.awareness.getStates()
      const updated = [...clientIds].filter((clientId) => states.has(clientId))
      // The awareness's own event: Hocuspocus broadcasts it in one message and the Redis extension
      // publishes it, exactly as it would a renewal it had applied itself.
      if (updated.length > 0)
        document.awareness.emit('update', [{ added: [], updated, removed: [] }, { source: 'local' }])
    }
  }

  return {
    extensionName: 'co-assess-presence-renewals',
    // After the presence rewrite (priority 100): it must compare the rewritten state.
    priority: 10,
    relayNow,
    async beforeHandleAwareness({ states, transactionOrigin, document }: beforeHandleAwarenessPayload) {
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') return
      const current = document.awareness.getStates()
      for (const [clientId, state] of states) {
        const known = current.get(clientId)
        const meta = document.awareness.meta.get(clientId)
        if (state === null || known === undefined || !meta) continue
        if (JSON.stringify(state) !== JSON.stringify(known)) continue
        // Alive as of now here; its clock moves on by one, which every client holding the older one
        // takes as a renewal when the batch reaches it. The client's own next message carries a
        // clock at least this high, so nothing it sends later is mistaken for old.
        document.awareness.meta.set(clientId, { clock: meta.clock + 1, lastUpdated: Date.now() })
        states.delete(clientId)
        let ids = held.get(document)
        if (!ids) {
          ids = new Set()
          held.set(document, ids)
        }
        ids.add(clientId)
        if (!timer) {
          timer = setTimeout(relayNow, options.batchMs ?? RENEWAL_BATCH_MS)
          timer.unref()
        }
      }
    },
    async onDestroy(_payload: onDestroyPayload) {
      relayNow()
    },
  }
}
