import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Hocuspocus } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { WebSocketServer } from 'ws'
import type { Config } from '../config.ts'
import { rememberSocket } from './tryAgainLater.ts'
import { createUpgradeGate } from './upgradeGate.ts'

export interface UpgradeHandler {
  /** Refuses new upgrades (503) and closes every open socket with this code and reason. */
  shutDown(code: number, reason: string): void
}

/**
 * Hands each WebSocket upgrade on the HTTP server to Hocuspocus, once `upgradeGate.ts`'s limits
 * (origin, connections per address) let it through.
 */
export function handleUpgrades(
  server: Server,
  { config, hocuspocus, log }: { config: Config; hocuspocus: Hocuspocus; log: Logger },
): UpgradeHandler {
  let closed = false
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })
  const gate = createUpgradeGate(config)
  server.on('upgrade', (request, socket: Duplex, head) => {
    socket.on('error', () => socket.destroy())
    void gate(request).then((verdict) => {
      // Once shutting down, a reconnecting client must go elsewhere (or wait) rather than open a board
      // that is being saved and unloaded.
      if (closed) verdict = { ok: false, status: 503, reason: 'Service Unavailable' }
      if (!verdict.ok) {
        socket.end(
          `HTTP/1.1 ${verdict.status} ${verdict.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        )
        return
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        rememberSocket(request, ws)
        const connection = hocuspocus.handleConnection(ws, request as unknown as Request)
        ws.on('message', (data: Buffer, isBinary: boolean) => {
          if (!isBinary && typeof data === 'string') return
          connection.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
        })
        ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }))
        ws.on('error', (error) => log.warn({ err: error }, 'websocket error'))
      })
    })
  })
  return {
    shutDown(code, reason) {
      closed = true
      for (const client of wss.clients) client.close(code, reason)
    },
  }
}
