/**
 * Where a Yjs transaction on the server came from, by its origin's `source`: `connection` (a client,
 * through the write gate), `local` (the server's own write, through Hocuspocus), `redis` (another
 * instance), `server` (a claim the gate records). Undefined for any other origin.
 */
export function transactionSource(origin: unknown): string | undefined {
  return (origin as { source?: unknown } | null | undefined)?.source as string | undefined
}
