import type { IncomingMessage } from 'node:http'
import proxyAddr from '@fastify/proxy-addr'
import { RateLimiterMemory } from 'rate-limiter-flexible'

/**
 * Checks made on a WebSocket upgrade before any Yjs byte is read: the path, the browser's Origin
 * (a page on another site must not open a board with a person's token), and a per-address budget.
 * Clients that are not browsers send no Origin; they still need a valid token.
 */
export function createUpgradeGate(options: {
  allowedOrigins: readonly string[]
  upgradesPerMinute: number
  trustedProxies: readonly string[]
}) {
  const limiter = new RateLimiterMemory({ points: options.upgradesPerMinute, duration: 60 })
  // The same rule as the HTTP side (Fastify's trustProxy uses this library): behind a configured
  // proxy each browser has its own budget; otherwise a forged X-Forwarded-For buys nothing.
  const trust = options.trustedProxies.length > 0 ? proxyAddr.compile([...options.trustedProxies]) : null
  const clientAddress = (request: IncomingMessage) =>
    trust ? proxyAddr(request, trust) : (request.socket.remoteAddress ?? 'unknown')
  return async function check(
    request: IncomingMessage,
  ): Promise<{ ok: true } | { ok: false; status: number; reason: string }> {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname !== '/sync') return { ok: false, status: 404, reason: 'Not Found' }
    const origin = request.headers.origin
    if (origin) {
      const allowed =
        options.allowedOrigins.length > 0
          ? options.allowedOrigins.includes(origin)
          : (() => {
              try {
                return new URL(origin).host === request.headers.host
              } catch {
                return false
              }
            })()
      if (!allowed) return { ok: false, status: 403, reason: 'Forbidden' }
    }
    try {
      await limiter.consume(clientAddress(request))
    } catch {
      return { ok: false, status: 429, reason: 'Too Many Requests' }
    }
    return { ok: true }
  }
}
