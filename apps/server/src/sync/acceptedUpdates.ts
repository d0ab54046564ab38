/**
 * The write guard marks each update it accepted and whether it held anything new; the persistence
 * extension reads the mark so it does not decode the same bytes twice. Hocuspocus hands the same
 * payload object to every extension's beforeSync, so a WeakMap keyed by it is enough.
 */
export const acceptedUpdates = new WeakMap<Uint8Array, { fresh: boolean }>()
