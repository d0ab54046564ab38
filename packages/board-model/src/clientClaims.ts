import type * as Y from 'yjs'
import { serverOrigin } from './origins.ts'
import { clientsMap } from './roots.ts'

/**
 * A Yjs client id belongs to the person who first wrote with it in a document. The claim lives in the
 * document itself, so it is stored with every update in either store and reaches every instance with
 * the board's own updates through Redis: no second store can disagree with the board.
 */
export function clientOwner(doc: Y.Doc, clientId: number): string | undefined {
  return clientsMap(doc).get(String(clientId))
}

/** Every client id a person has written with in this document. */
export function clientsOf(doc: Y.Doc, personId: string): number[] {
  const ids: number[] = []
  for (const [clientId, owner] of clientsMap(doc)) if (owner === personId) ids.push(Number(clientId))
  return ids
}

/** Records that these client ids belong to `personId`. Server only; claims are never moved or removed. */
export function claimClients(doc: Y.Doc, clientIds: Iterable<number>, personId: string): void {
  const claims = clientsMap(doc)
  doc.transact(() => {
    for (const clientId of clientIds) {
      if (!claims.has(String(clientId))) claims.set(String(clientId), personId)
    }
  }, serverOrigin('claim'))
}
