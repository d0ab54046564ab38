import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http'
import { connect, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { crc32 } from 'node:zlib'

/**
 * A test stand-in for docker/nginx.conf, small enough to read in one go:
 * - `GET /sync` upgrades go to the instance a consistent hash of `?board=` picks (`hash $arg_board
 *   consistent`: a ketama ring with 160 CRC32 points per instance, as nginx builds it). An instance that
 *   refuses the connection, times out, or closes before answering is skipped for the next one on the
 *   ring (`proxy_next_upstream error timeout`) and counted as failed for `failTimeoutMs`
 *   (`max_fails=1 fail_timeout=10s`).
 * - everything else goes round robin over the instances not marked failed; a request that could not
 *   be delivered moves on to the next instance, but a non-idempotent one (POST) only if it was never
 *   sent, as nginx does.
 * - `Host` is passed as the client sent it; `X-Forwarded-For` gets the client's address appended and
 *   `X-Forwarded-Proto` is set.
 * Established WebSockets are piped byte for byte; when either side closes, so does the other, as nginx
 * does when an upstream dies.
 */

export interface Upstream {
  /** A stable name (the ring is built from names, so a board hashes the same on every run). */
  name: string
  host: string
  port: number
}

export interface BoardProxy {
  port: number
  baseUrl: string
  wsUrl: string
  /** The order in which `/sync?board=<board>` tries the instances: the first is the board's own. */
  ring(board: string): string[]
  /** Every WebSocket the proxy opened to an instance, in order. */
  upgrades: Array<{ board: string; upstream: string }>
  /** Every attempt to reach an instance that failed and moved on (or gave up), in order. */
  failures: Array<{ upstream: string; reason: string; kind: 'sync' | 'http' }>
  close(): Promise<void>
}

const POINTS_PER_UPSTREAM = 160
const MAX_BODY = 300 * 1024 // client_max_body_size 300k
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
])
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE'])

export async function startBoardProxy(
  upstreams: Upstream[],
  { failTimeoutMs = 10_000, connectTimeoutMs = 3_000 } = {},
): Promise<BoardProxy> {
  if (upstreams.length === 0) throw new Error('the proxy needs at least one instance')
  const points = upstreams
    .flatMap((upstream) =>
      Array.from({ length: POINTS_PER_UPSTREAM }, (_, n) => ({
        at: crc32(`${upstream.name}-${n}`),
        upstream,
      })),
    )
    .sort((a, b) => a.at - b.at)
  const failedUntil = new Map<string, number>()
  const isLive = (upstream: Upstream) => (failedUntil.get(upstream.name) ?? 0) <= Date.now()
  const markFailed = (upstream: Upstream) => failedUntil.set(upstream.name, Date.now() + failTimeoutMs)
  const upgrades: BoardProxy['upgrades'] = []
  const failures: BoardProxy['failures'] = []
  const sockets = new Set<Duplex>()
  const keep = <T extends Duplex>(socket: T): T => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    return socket
  }

  /** Instances in ring order from the board's point: the first is the board's own. */
  const hashOrder = (board: string): Upstream[] => {
    const at = crc32(board)
    let start = points.findIndex((point) => point.at >= at)
    if (start < 0) start = 0
    const order: Upstream[] = []
    for (let i = 0; i < points.length && order.length < upstreams.length; i++) {
      const { upstream } = points[(start + i) % points.length]!
      if (!order.includes(upstream)) order.push(upstream)
    }
    return order
  }
  /** The order a connection tries: instances marked failed go last (tried only if nothing else answers). */
  const ringOrder = (board: string): Upstream[] => {
    const order = hashOrder(board)
    return [...order.filter(isLive), ...order.filter((u) => !isLive(u))]
  }
  let next = 0
  const roundRobin = (): Upstream[] => {
    const start = next++ % upstreams.length
    const order = upstreams.map((_, i) => upstreams[(start + i) % upstreams.length]!)
    return [...order.filter(isLive), ...order.filter((u) => !isLive(u))]
  }

  const forwardedHeaders = (request: IncomingMessage): IncomingHttpHeaders => {
    const client = request.socket.remoteAddress ?? 'unknown'
    const earlier = request.headers['x-forwarded-for']
    return {
      'x-forwarded-for': earlier ? `${earlier}, ${client}` : client,
      'x-forwarded-proto': 'http',
    }
  }

  /** Opens a connection to `upstream`, sends the upgrade request and waits for the first bytes back. */
  const tryUpgrade = (
    upstream: Upstream,
    request: IncomingMessage,
    head: Buffer,
  ): Promise<{ socket: Socket; first: Buffer }> =>
    new Promise((resolve, reject) => {
      const socket = keep(connect({ host: upstream.host, port: upstream.port }))
      const fail = (reason: string) => {
        socket.destroy()
        reject(new Error(reason))
      }
      socket.setTimeout(connectTimeoutMs, () => fail('timeout'))
      socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message))
      socket.once('close', () => fail('closed before answering'))
      socket.once('connect', () => {
        const headers: Record<string, string | string[] | undefined> = {}
        for (const [name, value] of Object.entries(request.headers)) {
          if (!HOP_BY_HOP.has(name) && !name.startsWith('x-forwarded-')) headers[name] = value
        }
        Object.assign(headers, forwardedHeaders(request), {
          upgrade: request.headers.upgrade,
          connection: 'upgrade',
        })
        let text = `${request.method} ${request.url} HTTP/1.1\r\n`
        for (const [name, value] of Object.entries(headers)) {
          if (value === undefined) continue
          for (const one of Array.isArray(value) ? value : [value]) text += `${name}: ${one}\r\n`
        }
        socket.write(`${text}\r\n`)
        if (head.length > 0) socket.write(head)
      })
      socket.once('data', (first: Buffer) => {
        socket.setTimeout(0)
        socket.removeAllListeners('error')
        socket.removeAllListeners('close')
        socket.pause()
        resolve({ socket, first })
      })
    })

  const server = createServer()

  server.on('upgrade', async (request: IncomingMessage, client: Duplex, head: Buffer) => {
    keep(client)
    client.on('error', () => client.destroy())
    const url = new URL(request.url ?? '/', 'http://proxy')
    if (url.pathname !== '/sync') {
      client.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const board = url.searchParams.get('board') ?? ''
    for (const upstream of ringOrder(board)) {
      if (client.destroyed) return
      let opened: { socket: Socket; first: Buffer }
      try {
        opened = await tryUpgrade(upstream, request, head)
      } catch (error) {
        markFailed(upstream)
        failures.push({ upstream: upstream.name, reason: (error as Error).message, kind: 'sync' })
        continue
      }
      const { socket, first } = opened
      if (client.destroyed) {
        socket.destroy()
        return
      }
      upgrades.push({ board, upstream: upstream.name })
      socket.on('error', () => socket.destroy())
      socket.once('close', () => client.destroy())
      client.once('close', () => socket.destroy())
      client.write(first)
      socket.pipe(client)
      client.pipe(socket)
      socket.resume()
      return
    }
    client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })

  server.on('request', (request, response) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    request.on('end', async () => {
      if (size > MAX_BODY) {
        response.writeHead(413, { connection: 'close' }).end()
        return
      }
      const body = Buffer.concat(chunks)
      const headers: IncomingHttpHeaders = {}
      for (const [name, value] of Object.entries(request.headers)) {
        if (!HOP_BY_HOP.has(name) && !name.startsWith('x-forwarded-')) headers[name] = value
      }
      Object.assign(headers, forwardedHeaders(request), { 'content-length': String(body.length) })
      for (const upstream of roundRobin()) {
        const outcome = await new Promise<'done' | { sent: boolean; reason: string }>((resolve) => {
          let sent = false
          const outgoing = httpRequest(
            {
              host: upstream.host,
              port: upstream.port,
              method: request.method,
              path: request.url,
              headers,
              agent: false,
              timeout: connectTimeoutMs,
            },
            (upstreamResponse) => {
              const back: Record<string, string | string[]> = {}
              for (const [name, value] of Object.entries(upstreamResponse.headers)) {
                if (value !== undefined && !HOP_BY_HOP.has(name)) back[name] = value
              }
              response.writeHead(upstreamResponse.statusCode ?? 502, back)
              upstreamResponse.pipe(response)
              upstreamResponse.once('error', () => response.destroy())
              resolve('done')
            },
          )
          outgoing.once('socket', (socket) => socket.once('connect', () => (sent = true)))
          outgoing.once('timeout', () => outgoing.destroy(new Error('timeout')))
          outgoing.once('error', (error: NodeJS.ErrnoException) =>
            resolve({ sent, reason: error.code ?? error.message }),
          )
          outgoing.end(body)
        })
        if (outcome === 'done') return
        markFailed(upstream)
        failures.push({ upstream: upstream.name, reason: outcome.reason, kind: 'http' })
        if (outcome.sent && !IDEMPOTENT.has(request.method ?? 'GET')) break
      }
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway')
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    ring: (board) => hashOrder(board).map((upstream) => upstream.name),
    upgrades,
    failures,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
