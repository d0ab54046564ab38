import type { MetadataStore } from '@co-assess/storage'
import type { Hocuspocus } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { CLOSE_CODES } from './closeWith.ts'
import { isSyncContext, type SyncContext } from './syncContext.ts'

const WITHDRAWN = 'The invite you joined with has been withdrawn by the chair.'
const EXPIRED = 'Your sign-in has expired. Open your invite link again.'

export interface AccessSweep {
  /** Closes every connection whose invite is withdrawn or whose token has expired by `at`; returns how many. */
  sweep(at?: number): Promise<number>
  /** Closes at once the connections made with one invite (the chair just withdrew it on this instance). */
  closeInvite(inviteId: string): number
  stop(): void
}

/**
 * A token is checked when a connection opens, but a workshop connection stays open for hours. So the
 * server looks again: at once on the instance where a chair withdraws an invite, and every
 * `intervalMs` on every instance (another instance may have taken the withdrawal, and tokens expire).
 * A closed client refreshes its token and reconnects; a withdrawn one is signed out.
 */
export function startAccessSweep(deps: {
  hocuspocus: Hocuspocus
  metadata: MetadataStore
  log: Logger
  intervalMs?: number
  now?: () => number
}): AccessSweep {
  const now = deps.now ?? Date.now

  const connections = function* () {
    for (const document of deps.hocuspocus.documents.values())
      for (const connection of document.getConnections())
        if (isSyncContext(connection.context))
          yield { connection, context: connection.context as SyncContext }
  }

  const close = (connection: { close(event?: { code: number; reason: string }): void }, reason: string) => {
    connection.close({ code: CLOSE_CODES.unauthorized, reason })
  }

  const sweep = async (at = now()) => {
    const withdrawn = new Map<string, Promise<boolean>>()
    const isWithdrawn = (inviteId: string) => {
      let answer = withdrawn.get(inviteId)
      if (!answer) {
        answer = deps.metadata.getInvite(inviteId).then((invite) => !invite || invite.revokedAt !== null)
        withdrawn.set(inviteId, answer)
      }
      return answer
    }
    let closed = 0
    for (const { connection, context } of [...connections()]) {
      if (context.claims.expiresAt <= at) {
        close(connection, EXPIRED)
        closed++
      } else if (await isWithdrawn(context.claims.inviteId)) {
        close(connection, WITHDRAWN)
        closed++
      }
    }
    if (closed > 0) deps.log.info({ closed }, 'closed connections whose access had ended')
    return closed
  }

  let busy = false
  const timer = setInterval(() => {
    // One sweep at a time: a slow store must not pile sweeps up.
    if (busy) return
    busy = true
    sweep(now())
      .catch((error: unknown) => {
        deps.log.error({ err: error }, 'could not check open connections for withdrawn invites')
      })
      .finally(() => {
        busy = false
      })
  }, deps.intervalMs ?? 15_000)
  timer.unref()

  return {
    sweep,
    closeInvite(inviteId) {
      let closed = 0
      for (const { connection, context } of [...connections()]) {
        if (context.claims.inviteId !== inviteId) continue
        close(connection, WITHDRAWN)
        closed++
      }
      return closed
    },
    stop() {
      clearInterval(timer)
    },
  }
}
