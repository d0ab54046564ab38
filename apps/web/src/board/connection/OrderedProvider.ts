import {
  HocuspocusProvider,
  type HocuspocusProviderConfiguration,
  WebSocketStatus,
} from '@hocuspocus/provider'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type LocalCopy, NO_LOCAL_COPY } from './localCopy.ts'

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

  /** This device's own copy of the document, which the sync waits for (see `startSync`). */
  private readonly localCopy: LocalCopy
  private localCopyLoaded = false
  private syncWaiting = false
  /** Whether the awareness was handed in: then it outlives this provider (see `destroy`). */
  private readonly sharedAwareness: boolean

  constructor(configuration: HocuspocusProviderConfiguration & { localCopy?: LocalCopy }) {
    const { localCopy, ...rest } = configuration
    super(rest)
    this.localCopy = localCopy ?? NO_LOCAL_COPY
    this.sharedAwareness = Boolean(configuration.awareness)
  }

  /**
   * A provider replaced after a dropped connection hands its awareness on to the next one, so the
   * editor's carets, "people here" and this person's own presence never point at a destroyed one (an
   * editor rebuilt for a new awareness loses its focus, and keystrokes typed meanwhile go nowhere).
   * The stock destroy would announce this person gone and destroy that awareness: stop sending its
   * updates here, and let the stock destroy tidy a throwaway instead.
   */
  override destroy(): void {
    const awareness = this.awareness
    if (this.sharedAwareness && awareness) {
      awareness.off('update', this.boundAwarenessUpdateHandler)
      this.configuration.awareness = new Awareness(new Y.Doc())
    }
    super.destroy()
  }

  /**
   * The sync exchange begins only once this device's copy (IndexedDB) is in the document. Its first
   * message tells the server what the device has; sent before the copy was read, it said "nothing",
   * and the server sent the whole board (850 KB on a finished board) that the device already held,
   * to be decoded and applied a second time. The connection and sign-in go ahead meanwhile, and the
   * exchange starts in the turn the copy loads, ahead of the board's render it queues (localCopy.ts).
   */
  override startSync(): void {
    if (this.localCopyLoaded) {
      super.startSync()
      return
    }
    if (this.syncWaiting) return
    this.syncWaiting = true
    this.localCopy.whenLoaded(() => {
      this.localCopyLoaded = true
      this.syncWaiting = false
      // A socket that closed meanwhile starts the exchange again itself when it reopens.
      if (this.configuration.websocketProvider.status === WebSocketStatus.Connected) super.startSync()
    })
  }

  /** Changes the server has not confirmed yet, sent or held back. */
  get waitingChanges(): number {
    return this.unsyncedChanges + this.heldChanges
  }

  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (origin === this) return
    if (this.holdIfNotReady()) return
    super.documentUpdateHandler(update, origin)
  }

  /**
   * Counts a change as held for the next sync exchange when this provider cannot send now, as it does
   * for an update it is handed; true when held. The device's copy loading (before the first sync)
   * is counted this way without Yjs encoding it for the update listeners (bulkRemoteUpdates.ts).
   */
  holdIfNotReady(): boolean {
    if (this.readyToSend()) return false
    this.heldChanges += 1
    this.emit('unsyncedChanges', { number: this.unsyncedChanges })
    return true
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
