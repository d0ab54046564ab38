import type { beforeHandleMessagePayload, Extension, onDisconnectPayload } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { CLOSE_CODES, closeWith } from './closeWith.ts'

/**
 * A per-connection message budget, so one runaway or hostile client cannot flood a room. Frame size
 * is capped earlier, by the WebSocket server's maxPayload.
 */
export function limitsExtension(deps: { messagesPer10s: number; log: Logger }): Extension {
  const limiter = new RateLimiterMemory({ points: deps.messagesPer10s, duration: 10 })
  return {
    extensionName: 'co-assess-limits',
    priority: 2000,
    async beforeHandleMessage({ socketId, documentName }: beforeHandleMessagePayload) {
      try {
        await limiter.consume(socketId)
      } catch {
        deps.log.warn({ socketId, documentName }, 'closed a connection that sent too many messages')
        throw closeWith(CLOSE_CODES.tooManyMessages, 'Too many changes too quickly. Reconnecting shortly.')
      }
    },
    async onDisconnect({ socketId }: onDisconnectPayload) {
      await limiter.delete(socketId)
    },
  }
}
