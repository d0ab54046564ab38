import { areaIdSchema } from '@co-assess/board-model'
import { type beforeHandleAwarenessPayload, type Extension, isTransactionOrigin } from '@hocuspocus/server'
import { isSyncContext } from './syncContext.ts'

const MAX_CURSOR_BYTES = 2048

/**
 * Presence is rewritten from the token: whatever name, role or colour a client claims, others see the
 * person the server knows. Only the fields the board uses pass through, each checked.
 */
export function awarenessExtension(): Extension {
  return {
    extensionName: 'co-assess-awareness',
    async beforeHandleAwareness({ states, context, transactionOrigin }: beforeHandleAwarenessPayload) {
      // Presence relayed by another instance through Redis was rewritten there, from its sender's token.
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') return
      if (!isSyncContext(context)) {
        states.clear()
        return
      }
      const { claims } = context
      for (const [clientId, state] of states) {
        if (state === null || typeof state !== 'object') continue
        const raw = state as Record<string, unknown>
        const area =
          typeof raw.area === 'string' && areaIdSchema.safeParse(raw.area).success ? raw.area : null
        const cursor =
          raw.cursor &&
          typeof raw.cursor === 'object' &&
          JSON.stringify(raw.cursor).length <= MAX_CURSOR_BYTES
            ? raw.cursor
            : null
        states.set(clientId, {
          user: {
            id: claims.personId,
            name: claims.name,
            color: claims.colour,
            role: claims.role,
            group: claims.group,
          },
          area,
          following: raw.following === true,
          cursor,
        })
      }
    },
  }
}
