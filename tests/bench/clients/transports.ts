import { HocuspocusProvider } from '@hocuspocus/provider'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

// y-websocket's provider adds a process exit listener per instance; hundreds in one process are expected.
process.setMaxListeners(0)

export type Transport = 'hocuspocus' | 'y-websocket'

/** One real client: a provider as the browser app (or a y-websocket app) would create it. */
export interface BenchProvider {
  readonly synced: boolean
  /** True once the server has acknowledged every local change (Hocuspocus only; y-websocket has no acks). */
  readonly allAcknowledged: boolean
  onSynced(callback: () => void): void
  destroy(): void
}

export function openProvider(
  transport: Transport,
  options: { url: string; board: string; token: string; doc: Y.Doc },
): BenchProvider {
  if (transport === 'hocuspocus') {
    const provider = new HocuspocusProvider({
      url: options.url,
      name: options.board,
      token: options.token,
      document: options.doc,
    })
    return {
      get synced() {
        return provider.isSynced
      },
      get allAcknowledged() {
        return provider.unsyncedChanges === 0
      },
      onSynced(callback) {
        if (provider.isSynced) callback()
        else provider.on('synced', () => callback())
      },
      destroy: () => provider.destroy(),
    }
  }
  // Node has a global BroadcastChannel: without disableBc, providers of one room in one process would
  // pass updates to each other directly and the server would be bypassed.
  const provider = new WebsocketProvider(options.url, options.board, options.doc, { disableBc: true })
  return {
    get synced() {
      return provider.synced
    },
    get allAcknowledged() {
      return provider.synced
    },
    onSynced(callback) {
      if (provider.synced) callback()
      else {
        const handler = (isSynced: boolean) => {
          if (!isSynced) return
          provider.off('sync', handler)
          callback()
        }
        provider.on('sync', handler)
      }
    },
    destroy: () => provider.destroy(),
  }
}
