import { areaIdSchema, presenceCursorSchema } from '@co-assess/board-model'
import {
  type beforeHandleAwarenessPayload,
  type Document,
  type Extension,
  isTransactionOrigin,
  type onDisconnectPayload,
} from '@hocuspocus/server'
import type { PresenceOwners } from './presenceOwners.ts'
import { isSyncContext } from './syncContext.ts'

/** A browser tab speaks for one Yjs client id per document; a few more allow for a reload's new id. */
const MAX_CLIENT_IDS_PER_CONNECTION = 4

/**
 * Hands a client id's presence from the socket that announced it to a newer socket of the same person.
 * Hocuspocus removes a connection's presence entries when that connection closes, and counts an entry
 * as the connection's only when it first adds it: left alone, the old socket's ping timeout would
 * remove the returned person's entry for everyone, and nothing would put it back.
 */
function moveClient(document: Document, clientId: number, from: string, to: string): void {
  for (const connection of document.getConnections()) {
    if (connection.socketId === from) document.getClients(connection).delete(clientId)
    if (connection.socketId === to) document.getClients(connection).add(clientId)
  }
}

/**
 * Presence is rewritten from the token: whatever name, role or colour a client claims, others see the
 * person the server knows. Only the fields the board uses pass through, each checked. A connection
 * speaks only for the client ids it claimed first: otherwise it could put its own person over another
 * person's entry, or blank it.
 */
export function awarenessExtension(deps: { presence: PresenceOwners }): Extension {
  // Per document: which connection (by socket) speaks for each client id.
  const owners = new WeakMap<Document, Map<number, string>>()
  const ownersOf = (document: Document) => {
    let map = owners.get(document)
    if (!map) {
      map = new Map()
      owners.set(document, map)
    }
    return map
  }

  return {
    extensionName: 'co-assess-awareness',
    async onDisconnect({ document, socketId }: onDisconnectPayload) {
      const map = owners.get(document)
      if (!map) return
      for (const [clientId, owner] of map) if (owner === socketId) map.delete(clientId)
    },
    async beforeHandleAwareness({
      states,
      context,
      transactionOrigin,
      document,
      socketId,
    }: beforeHandleAwarenessPayload) {
      // Presence relayed by another instance through Redis was rewritten there, from its sender's token.
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') {
        for (const [clientId, state] of states) {
          const personId = (state as { user?: { id?: unknown } } | null)?.user?.id
          if (typeof personId === 'string') deps.presence.record(document, clientId, personId)
        }
        return
      }
      if (!isSyncContext(context)) {
        states.clear()
        return
      }
      const { claims } = context
      const map = ownersOf(document)
      let mine = 0
      for (const owner of map.values()) if (owner === socketId) mine++
      for (const [clientId, state] of states) {
        const owner = map.get(clientId)
        if (owner === undefined && mine < MAX_CLIENT_IDS_PER_CONNECTION) {
          map.set(clientId, socketId)
          deps.presence.record(document, clientId, claims.personId)
          mine++
        } else if (
          owner !== undefined &&
          owner !== socketId &&
          deps.presence.of(document).get(clientId) === claims.personId &&
          mine < MAX_CLIENT_IDS_PER_CONNECTION
        ) {
          // The same person back on a new socket (wifi dropped and returned) before the server noticed
          // the old one had gone: the new socket speaks for the id from now on.
          moveClient(document, clientId, owner, socketId)
          map.set(clientId, socketId)
          mine++
        } else if (owner !== socketId) {
          states.delete(clientId)
          continue
        }
        if (state === null || typeof state !== 'object') continue
        const raw = state as Record<string, unknown>
        const area =
          typeof raw.area === 'string' && areaIdSchema.safeParse(raw.area).success ? raw.area : null
        // Only the caret the note editor really sends passes on to everyone; any other shape is dropped.
        const parsedCursor = presenceCursorSchema.safeParse(raw.cursor)
        const cursor = parsedCursor.success ? parsedCursor.data : null
        states.set(clientId, {
          user: {
            id: claims.personId,
            name: claims.name,
            color: claims.colour,
            role: claims.role,
            group: claims.group,
          },
          area,
          following: raw.following === true,
          cursor,
        })
      }
    },
  }
}
