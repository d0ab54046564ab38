import { blindDocumentName } from '@co-assess/board-model'
import { type HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider'
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { SignedOutError } from '../../session/sessionKeeper.ts'
import { snapshotSoon, spareBulkRemoteEncoding } from './bulkRemoteUpdates.ts'
import { WaitingThings } from './changeCount.ts'
import { classifyClose, describeRefusal } from './classifyClose.ts'
import { localCopyOf } from './localCopy.ts'
import { OrderedProvider } from './OrderedProvider.ts'
import { describeRecovery, recoverRefusedWork } from './recoverRefusedWork.ts'
import type { SocketStatus, SyncFacts } from './syncState.ts'

export interface BoardConnectionOptions {
  /** ws(s)://host/sync */
  url: string
  assessmentId: string
  personId: string
  /** Chairs and participants tick; they also get the private document for blind rounds. */
  canWrite: boolean
  token: () => Promise<string>
  refreshToken: () => Promise<string>
  onSignedOut: (reason: string) => void
  /**
   * Whether this device may hold a copy of the board (it opened it before): the sync exchange then
   * waits for that copy to load. On a first visit there is none, and nothing to wait for.
   */
  hasLocalCopy?: boolean
}

export interface ConnectionSnapshot extends SyncFacts {
  /**
   * Goes up whenever a provider or a document is replaced (a reconnection after a drop, a refusal), so
   * what listens to the provider itself listens to the new one.
   */
  generation: number
  /** Goes up whenever a document is replaced after a refusal, so views read the new one. */
  documents: number
  /** The last refused change, in plain words, until dismissed. */
  refusal: string | null
  /**
   * This device's copies (IndexedDB) of the board and of the person's blind-round document have been
   * read, so the board can show what this device knows.
   */
  localLoaded: boolean
}

type LinkKind = 'board' | 'blind'

/** One document, its copy in this browser, and its connection to the server. */
class DocLink {
  readonly doc = new Y.Doc()
  /** What the person changed that is not confirmed yet, counted as they would count it. */
  readonly waiting = new WaitingThings(this.doc)
  readonly idb: IndexeddbPersistence
  /**
   * This person's presence on the document, kept across connections: every provider for this link
   * speaks through it, so views and the notes editor bound to it never need rebuilding.
   */
  readonly awareness = new Awareness(this.doc)
  provider: HocuspocusProvider
  status: SocketStatus = 'connecting'
  unsynced = 0
  synced = false
  localLoaded = false

  readonly name: string
  private readonly makeProvider: (link: DocLink) => HocuspocusProvider
  private readonly stopSparing: () => void

  constructor(name: string, makeProvider: (link: DocLink) => HocuspocusProvider, onLocalLoaded: () => void) {
    this.name = name
    this.makeProvider = makeProvider
    this.idb = new IndexeddbPersistence(name, this.doc)
    void this.idb.whenSynced.then(() => {
      this.localLoaded = true
      onLocalLoaded()
    })
    // A first sync (the whole board) is kept in IndexedDB by a snapshot just after it, rather than by
    // Yjs encoding it again inside the transaction that applies it; the device's copy loading on a
    // reload is counted by the provider as held for its sync, not encoded (bulkRemoteUpdates.ts).
    this.stopSparing = spareBulkRemoteEncoding(
      this.doc,
      (origin) => origin === this.provider,
      snapshotSoon(this.idb),
      {
        is: (origin) => origin === this.idb,
        held: () => this.provider instanceof OrderedProvider && this.provider.holdIfNotReady(),
      },
    )
    this.provider = makeProvider(this)
  }

  /** A new connection for the same document, keeping what this device holds. */
  reconnect(): void {
    const waiting = this.provider instanceof OrderedProvider ? this.provider.waitingChanges : 0
    this.provider.destroy()
    this.status = 'connecting'
    this.synced = false
    this.provider = this.makeProvider(this)
    // What the old provider had not had confirmed is still waiting: the new one's sync carries it, and
    // "2 changes waiting" must not drop to nothing because the connection was replaced.
    if (this.provider instanceof OrderedProvider) this.provider.heldChanges = waiting
    // The server dropped this person's presence with the old socket, and everyone ignores an entry
    // whose clock is not ahead of the last one they saw from this client id: saying the same state
    // again moves the clock on, so the new connection puts the person back in "people here".
    this.awareness.setLocalState(this.awareness.getLocalState())
  }

  destroy(): void {
    this.stopSparing()
    this.waiting.destroy()
    // Said through the live connection, so others see this person leave at once.
    this.awareness.setLocalState(null)
    this.provider.destroy()
    this.awareness.destroy()
    void this.idb.destroy()
    this.doc.destroy()
  }
}

/**
 * The live connection to one assessment: the board document and, for people who tick, their private
 * blind-round document. Each is kept in IndexedDB so work survives a dropped wifi connection and merges
 * when it returns. A change the server refuses clears the local copy and starts again from the server,
 * then puts back the person's other work from the old copy.
 */
export class BoardConnection {
  private board: DocLink
  private blind: DocLink | null
  private generation = 0
  private documents = 0
  private refusal: string | null = null
  private online = typeof navigator === 'undefined' ? true : navigator.onLine
  private destroyed = false
  /**
   * False while the constructor runs: the provider reports its status synchronously from inside its
   * own connection attempt, and a listener that throws there makes it abandon a working socket.
   */
  private constructed = false
  private authFailures = 0
  /** The link that last received carried-back work after a refusal, until it has all been saved. */
  private readonly carried = new Map<LinkKind, DocLink>()
  private readonly restarting = new WeakSet<DocLink>()
  private readonly listeners = new Set<() => void>()
  private snapshot: ConnectionSnapshot

  private readonly options: BoardConnectionOptions

  constructor(options: BoardConnectionOptions) {
    this.options = options
    this.board = this.link('board')
    this.blind = options.canWrite ? this.link('blind') : null
    this.snapshot = this.computeSnapshot()
    this.constructed = true
    window.addEventListener('online', this.handleOnline)
    window.addEventListener('offline', this.handleOffline)
  }

  get doc(): Y.Doc {
    return this.board.doc
  }
  get blindDoc(): Y.Doc | null {
    return this.blind?.doc ?? null
  }
  get provider(): HocuspocusProvider {
    return this.board.provider
  }
  /** This person's presence on the board: the same object across reconnections (see DocLink). */
  get awareness(): Awareness {
    return this.board.awareness
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): ConnectionSnapshot => this.snapshot

  dismissRefusal(): void {
    this.refusal = null
    this.changed()
  }

  destroy(): void {
    this.destroyed = true
    window.removeEventListener('online', this.handleOnline)
    window.removeEventListener('offline', this.handleOffline)
    this.board.destroy()
    this.blind?.destroy()
    this.listeners.clear()
  }

  private link(kind: LinkKind): DocLink {
    const name =
      kind === 'board'
        ? this.options.assessmentId
        : blindDocumentName(this.options.assessmentId, this.options.personId)
    return new DocLink(
      name,
      (link) => this.makeProvider(kind, link),
      () => this.changed(),
    )
  }

  private makeProvider(kind: LinkKind, link: DocLink): HocuspocusProvider {
    const provider = new OrderedProvider({
      url: this.options.url,
      name: link.name,
      document: link.doc,
      awareness: link.awareness,
      // The sync exchange waits for this device's copy (so the server sends only what it lacks), but
      // not for long: a browser whose IndexedDB never answers still gets the board.
      localCopy: this.options.hasLocalCopy === false ? undefined : localCopyOf(link.idb, 3000),
      token: () => this.options.token(),
      onStatus: ({ status }) => {
        link.status =
          status === WebSocketStatus.Connected
            ? 'connected'
            : status === WebSocketStatus.Connecting
              ? 'connecting'
              : 'disconnected'
        this.changed()
      },
      onSynced: () => {
        link.synced = true
        this.authFailures = 0
        this.changed()
      },
      onUnsyncedChanges: () => {
        link.unsynced = link.waiting.count(provider.waitingChanges > 0)
        // The carried-back work was accepted: a later refusal is a new one, and its work is kept too.
        if (link.unsynced === 0 && link.synced && this.carried.get(kind) === link) this.carried.delete(kind)
        this.changed()
      },
      onClose: ({ event }) => {
        if (this.destroyed || provider !== link.provider) return
        link.synced = false
        const socketOpen = provider.configuration.websocketProvider.status === WebSocketStatus.Connected
        const kindOfClose = classifyClose(event, socketOpen)
        if (kindOfClose === 'refused') void this.restartFromServer(kind, link, event.reason)
        else if (kindOfClose === 'dropped') setTimeout(() => this.reconnectIfCurrent(link, provider), 1000)
        this.changed()
      },
      onAuthenticationFailed: ({ reason }) => {
        if (this.destroyed || provider !== link.provider) return
        void this.recoverFromAuthFailure(link, provider, reason)
      },
    })
    if (!this.online) provider.configuration.websocketProvider.disconnect()
    return provider
  }

  private reconnectIfCurrent(link: DocLink, provider: HocuspocusProvider) {
    if (this.destroyed || provider !== link.provider) return
    link.reconnect()
    // Views listening to the provider itself (its stateless news) must pick up the new one. The notes
    // editor does not rebuild for it: it speaks through the link's awareness, which stays.
    this.generation += 1
    this.changed()
  }

  /** An expired token gets one refresh and a new connection; a withdrawn invite signs the person out. */
  private async recoverFromAuthFailure(link: DocLink, provider: HocuspocusProvider, reason: string) {
    this.authFailures += 1
    if (this.authFailures > 3) {
      this.options.onSignedOut(reason)
      return
    }
    try {
      await this.options.refreshToken()
    } catch (error) {
      if (error instanceof SignedOutError) {
        this.options.onSignedOut(error.message)
        return
      }
      // Offline or the server is busy: try again shortly with whatever token we have.
      await new Promise((resolve) => setTimeout(resolve, 3000))
    }
    this.reconnectIfCurrent(link, provider)
  }

  /**
   * The server refused a change. This device's copy holds that change, so it cannot be sent again:
   * forget the copy (in IndexedDB too) and load the server's. The old copy stays in memory until the
   * server's has arrived, then the person's own work in it is put back without the refused part, so
   * one refused tick does not throw away everything else made offline.
   */
  private async restartFromServer(kind: LinkKind, old: DocLink, reason: string) {
    // A refused provider can report its close more than once; only the first restarts, and never the
    // fresh link that replaced it (that would wipe the work just put back).
    if ((kind === 'board' ? this.board : this.blind) !== old || this.restarting.has(old)) return
    this.restarting.add(old)
    // If what was refused is the work carried back last time, carrying it again would loop: start clean.
    const carry = this.carried.get(kind) !== old
    old.provider.destroy()
    await old.idb.destroy()
    await clearDocument(old.name).catch(() => undefined)
    if (this.destroyed) {
      old.doc.destroy()
      return
    }
    const fresh = this.link(kind)
    if (kind === 'board') this.board = fresh
    else this.blind = fresh
    this.refusal = describeRefusal(reason)
    this.generation += 1
    this.documents += 1
    this.changed()
    if (!carry || !(await this.whenSynced())) {
      old.doc.destroy()
      return
    }
    const before = Y.encodeStateVector(fresh.doc)
    const recovered = recoverRefusedWork({
      refused: old.doc,
      kind,
      board: this.board.doc,
      blindDoc: this.blind?.doc ?? null,
      personId: this.options.personId,
      canWrite: this.options.canWrite,
    })
    old.doc.destroy()
    const sameState = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i])
    if (!sameState(before, Y.encodeStateVector(fresh.doc))) this.carried.set(kind, fresh)
    this.refusal = describeRecovery(reason, recovered)
    this.changed()
  }

  /** Resolves true once every document is in step with the server, false if the connection ends first. */
  private whenSynced(): Promise<boolean> {
    const links = this.links()
    const ready = () => this.links().every((l) => l.synced)
    if (ready()) return Promise.resolve(true)
    return new Promise((resolve) => {
      const listener = () => {
        const replaced = this.links().some((l, i) => l !== links[i])
        if (this.destroyed || replaced) {
          this.listeners.delete(listener)
          resolve(false)
        } else if (ready()) {
          this.listeners.delete(listener)
          resolve(true)
        }
      }
      this.listeners.add(listener)
    })
  }

  private handleOnline = () => {
    this.online = true
    for (const link of this.links()) void link.provider.configuration.websocketProvider.connect()
    this.changed()
  }

  private handleOffline = () => {
    this.online = false
    // Closing at once shows "offline" straight away rather than after the provider's 30 s ping timeout.
    for (const link of this.links()) link.provider.configuration.websocketProvider.disconnect()
    this.changed()
  }

  private links(): DocLink[] {
    return this.blind ? [this.board, this.blind] : [this.board]
  }

  private computeSnapshot(): ConnectionSnapshot {
    const links = this.links()
    const status: SocketStatus = links.some((l) => l.status === 'disconnected')
      ? 'disconnected'
      : links.some((l) => l.status === 'connecting')
        ? 'connecting'
        : 'connected'
    return {
      status,
      unsynced: links.reduce((sum, l) => sum + l.unsynced, 0),
      synced: links.every((l) => l.synced),
      online: this.online,
      generation: this.generation,
      documents: this.documents,
      refusal: this.refusal,
      localLoaded: links.every((l) => l.localLoaded),
    }
  }

  private changed() {
    if (this.destroyed || !this.constructed) return
    this.snapshot = this.computeSnapshot()
    for (const listener of this.listeners) listener()
  }
}
