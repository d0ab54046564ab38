import * as Y from 'yjs'
import { clientsMap, ROOTS } from './roots.ts'

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

/**
 * The claims as an update, made without touching the document, so the server can store it before
 * anyone sees it: what the server broadcasts must already be on disk, or a client could hold a claim
 * the store lost and be refused for sending it back. Written under `claimant`, a client id only the
 * server's write gate uses (one per process), each claim a new key of the `clients` map.
 */
export function encodeClaims(
  doc: Y.Doc,
  claimant: number,
  clientIds: readonly number[],
  personId: string,
): Uint8Array {
  const fresh = clientIds.filter((clientId) => !clientsMap(doc).has(String(clientId)))
  const encoder = new Y.UpdateEncoderV1()
  if (fresh.length === 0) {
    encoder.writeLen(0)
    encoder.writeLen(0)
    return encoder.toUint8Array()
  }
  const clock = Y.getState(doc.store, claimant)
  encoder.writeLen(1)
  encoder.writeLen(fresh.length)
  encoder.writeClient(claimant)
  encoder.writeLen(clock)
  fresh.forEach((clientId, index) => {
    const item = new Y.Item(
      Y.createID(claimant, clock + index),
      null,
      null,
      null,
      null,
      ROOTS.clients as unknown as Y.AbstractType<unknown>,
      String(clientId),
      new Y.ContentAny([personId]),
    )
    item.write(encoder, 0)
  })
  encoder.writeLen(0)
  return encoder.toUint8Array()
}
