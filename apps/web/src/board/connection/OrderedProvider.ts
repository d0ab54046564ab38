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
  /** Changes made while not ready to send: the next sync exchange carries them. */
  heldChanges = 0

  /** Changes the server has not confirmed yet, sent or held back. */
  get waitingChanges(): number {
    return this.unsyncedChanges + this.heldChanges
  }

  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (origin === this) return
    if (!this.readyToSend()) {
      this.heldChanges += 1
      this.emit('unsyncedChanges', { number: this.unsyncedChanges })
      return
    }
    super.documentUpdateHandler(update, origin)
  }

  override decrementUnsyncedChanges(): void {
    // Once everything sent since the sync is confirmed, the held changes (sent within it) are too.
    if (this.unsyncedChanges <= 1 && this.readyToSend()) this.heldChanges = 0
    super.decrementUnsyncedChanges()
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
