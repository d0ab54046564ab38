import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider'

interface SocketInternals {
  status: WebSocketStatus
  webSocket: { readyState: number } | null
  connectionAttempt: unknown
}

const OPEN = 1

/**
 * A provider that sends a document update only over a socket that is open, authenticated and synced.
 *
 * The stock provider queues updates made while its socket reconnects and flushes that queue only
 * after the first message on the new socket, while newer updates go out at once: the server then
 * receives an edit before the edit it builds on, and the write guard rightly refuses it. Updates held
 * back here are not lost: on every (re)connection the sync exchange sends the server everything it
 * lacks, in order.
 */
export class OrderedProvider extends HocuspocusProvider {
  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (origin === this) return
    if (!this.readyToSend()) {
      // Counted so the page says changes are waiting; the next sync resets the count.
      this.incrementUnsyncedChanges()
      return
    }
    super.documentUpdateHandler(update, origin)
  }

  private readyToSend(): boolean {
    const socket = this.configuration.websocketProvider as unknown as SocketInternals
    return (
      this.isAuthenticated &&
      this.isSynced &&
      socket.status === WebSocketStatus.Connected &&
      socket.webSocket?.readyState === OPEN &&
      !socket.connectionAttempt
    )
  }
}
