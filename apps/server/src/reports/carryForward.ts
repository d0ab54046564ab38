import { type Action, actionsMap, serverOrigin } from '@co-assess/board-model'
import { nanoid } from 'nanoid'
import type * as Y from 'yjs'

/** Actions still open when a workstream is assessed again: neither done nor dropped. */
export const isOpenAction = (a: Action) => a.status !== 'done' && a.status !== 'dropped'

/** Copies open actions into a new board, each a new record that remembers the one it came from. */
export function carryForward(doc: Y.Doc, actions: readonly Action[], now = Date.now()): number {
  const open = actions.filter(isOpenAction)
  doc.transact(() => {
    for (const action of open) {
      const id = nanoid()
      actionsMap(doc).set(id, { ...action, id, carriedFrom: action.id, updatedAt: now })
    }
  }, serverOrigin('reassess'))
  return open.length
}
