/**
 * Transaction origins, so observers can tell a local edit from a remote one and the server can tell
 * its own writes (which skip the write guard) from a client's.
 */
export type BoardOrigin =
  | { readonly source: 'local'; readonly personId: string }
  | { readonly source: 'server'; readonly reason: string }

export function localOrigin(personId: string): BoardOrigin {
  return { source: 'local', personId }
}
export function serverOrigin(reason: string): BoardOrigin {
  return { source: 'server', reason }
}
export function isBoardOrigin(value: unknown): value is BoardOrigin {
  return (
    typeof value === 'object' &&
    value !== null &&
    'source' in value &&
    ((value as { source: unknown }).source === 'local' || (value as { source: unknown }).source === 'server')
  )
}
