/** Refresh the access token this long before it expires, so a reconnect never presents a stale one. */
export const REFRESH_MARGIN_MS = 10 * 60 * 1000

/** Milliseconds until the token should be refreshed: 0 means now (or it has already expired). */
export function msUntilRefresh(expiresAt: string, now: number): number {
  const expires = Date.parse(expiresAt)
  if (Number.isNaN(expires)) return 0
  return Math.max(0, expires - now - REFRESH_MARGIN_MS)
}
