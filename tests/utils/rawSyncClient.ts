import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

// Hocuspocus message types (the provider's wire protocol).
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2
const AUTH_TOKEN = 0
const AUTH_PERMISSION_DENIED = 1
const MESSAGE_CLOSE = 7

/**
 * A client that speaks the raw Yjs/Hocuspocus protocol, with none of the provider's manners: it can
 * send any update, forged awareness or garbage, as a hostile client would.
 */
export class RawSyncClient {
  readonly doc = new Y.Doc()
  /**
   * Resolves when the server ends this document's connection: a WebSocket close, a Hocuspocus CLOSE
   * message (the socket can carry other documents, so the server closes only this one) or a refused
   * authentication. CLOSE carries only a reason; refused writes read "Not saved: …".
   */
  readonly closed: Promise<{ code: number; reason: string }>
  private resolveClosed!: (value: { code: number; reason: string }) => void
  private readonly socket: WebSocket
  readonly documentName: string
  private synced = false

  constructor(url: string, documentName: string, headers: Record<string, string> = {}) {
    this.documentName = documentName
    this.socket = new WebSocket(url, { headers })
    this.closed = new Promise((resolve) => {
      this.resolveClosed = resolve
    })
    this.socket.on('close', (code, reason) => this.resolveClosed({ code, reason: reason.toString() }))
    this.socket.on('error', () => this.resolveClosed({ code: -1, reason: 'error' }))
    this.socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data)))
  }

  get isSynced(): boolean {
    return this.synced
  }

  async open(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return
    await new Promise<void>((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('error', reject)
    })
  }

  async authenticate(token: string): Promise<void> {
    await this.open()
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AUTH)
      encoding.writeVarUint(encoder, AUTH_TOKEN)
      encoding.writeVarString(encoder, token)
    })
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeSyncStep1(encoder, this.doc)
    })
  }

  sendUpdate(update: Uint8Array): void {
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeUpdate(encoder, update)
    })
  }

  /** Changes the local copy and sends exactly that change. */
  edit(change: (doc: Y.Doc) => void): Uint8Array {
    const before = Y.encodeStateVector(this.doc)
    change(this.doc)
    const update = Y.encodeStateAsUpdate(this.doc, before)
    this.sendUpdate(update)
    return update
  }

  /** `clock` must pass the receiver's last clock for that client id, or the state is ignored as old. */
  sendAwareness(clientId: number, state: Record<string, unknown>, clock = 1): void {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, JSON.stringify(state))
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
    })
  }

  sendBytes(bytes: Uint8Array): void {
    this.socket.send(bytes)
  }

  close(): void {
    this.socket.close()
  }

  private send(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, this.documentName)
    write(encoder)
    this.socket.send(encoding.toUint8Array(encoder))
  }

  private receive(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_CLOSE) {
      const reason = decoding.readVarString(decoder)
      this.resolveClosed({ code: reason.startsWith('Not saved') ? 4403 : 4000, reason })
      return
    }
    if (type === MESSAGE_AUTH) {
      if (decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED) {
        this.resolveClosed({ code: 4401, reason: decoding.readVarString(decoder) })
      }
      return
    }
    if (type !== MESSAGE_SYNC && type !== 4) return
    const reply = encoding.createEncoder()
    const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, 'server')
    if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true
    // Answer the server's SyncStep1 with this copy's SyncStep2, as every client does: the server
    // counts a connection as synced from then on.
    if (encoding.length(reply) > 0) {
      this.send((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC)
        encoding.writeUint8Array(encoder, encoding.toUint8Array(reply))
      })
    }
  }
}
