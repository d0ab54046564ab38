import type { Hocuspocus } from '@hocuspocus/server'
import type * as Y from 'yjs'
import { serverWrite } from '../serverWrite.ts'

/**
 * Writes a change to the board through a direct connection (connected clients receive it) and waits
 * until it is stored, so the task, and `settled`, end only once it is durable, and a store that
 * refuses it fails the task, which logs it.
 */
export type BoardWrite = (assessmentId: string, change: (board: Y.Doc) => void) => Promise<void>

export function boardWrite(deps: {
  hocuspocus: () => Hocuspocus
  flush: (documentName: string) => Promise<void>
}): BoardWrite {
  return async (assessmentId, change) => {
    await serverWrite(deps.hocuspocus(), assessmentId, change)
    await deps.flush(assessmentId)
  }
}
