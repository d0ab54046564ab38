import { guardUpdate } from '@co-assess/board-model'
import type { beforeSyncPayload, Extension } from '@hocuspocus/server'
import type { Logger } from 'pino'
import { acceptedUpdates } from './acceptedUpdates.ts'
import { CLOSE_CODES, closeWith } from './closeWith.ts'
import type { DocumentWriteLock } from './documentWriteLock.ts'
import { isSyncContext } from './syncContext.ts'

const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/**
 * Checks every incoming update against the sender's role before Hocuspocus applies or broadcasts it.
 * A refused update changes nothing and reaches no one: the connection is closed with the reason, so
 * the client can drop its local copy and resync.
 */
export function writeGuardExtension(deps: { log: Logger; lock: DocumentWriteLock }): Extension {
  return {
    extensionName: 'co-assess-write-guard',
    priority: 900,
    async beforeSync({ type, payload, document, documentName, context }: beforeSyncPayload) {
      if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return
      if (!isSyncContext(context)) throw closeWith(CLOSE_CODES.unauthorized, 'Not signed in.')
      const { claims, documentKind } = context
      // Checked against the state it will be applied to: see DocumentWriteLock.
      await deps.lock.acquire(document, payload)
      let verdict: ReturnType<typeof guardUpdate>
      try {
        verdict = guardUpdate(document, payload, {
          personId: claims.personId,
          role: claims.role,
          documentKind,
        })
      } catch (error) {
        deps.lock.releaseAfterApply(payload)
        throw error
      }
      if (!verdict.allowed) {
        deps.lock.releaseAfterApply(payload)
        deps.log.warn(
          {
            documentName,
            personId: claims.personId,
            role: claims.role,
            reason: verdict.reason,
            bytes: payload.length,
          },
          'refused an update',
        )
        throw closeWith(CLOSE_CODES.forbiddenWrite, `Not saved: ${verdict.reason}.`)
      }
      acceptedUpdates.set(payload, { fresh: verdict.changes > 0 })
    },
  }
}
