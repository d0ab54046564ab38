/**
 * Who each Yjs client id belongs to by presence, per loaded document: a browser announces its id in
 * presence as it connects, before it writes anything. The write gate reads this so that nobody who
 * saw an id there can claim it for themselves before its owner first writes with it; from that
 * first write the claim is recorded in the board itself. Presence from other instances arrives
 * through Redis already rewritten from its sender's token, so it is recorded too.
 */
export class PresenceOwners {
  readonly #byDocument = new WeakMap<object, Map<number, string>>()

  of(document: object): ReadonlyMap<number, string> {
    return this.#byDocument.get(document) ?? new Map()
  }

  /** The first person to announce an id keeps it while the document is loaded. */
  record(document: object, clientId: number, personId: string): void {
    let owners = this.#byDocument.get(document)
    if (!owners) {
      owners = new Map()
      this.#byDocument.set(document, owners)
    }
    if (!owners.has(clientId)) owners.set(clientId, personId)
  }
}
