import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { localOrigin } from '../origins.ts'
import { actionsMap } from '../roots.ts'
import type { Action } from '../values.ts'

export type ActionDraft = Pick<Action, 'youSaid' | 'raisedBy' | 'weDid' | 'owner' | 'dueDate' | 'areaIds'> & {
  fromCommentId?: string | null
}

/** Anyone who may write can propose an action; it stays "proposed" until a chair agrees it. */
export function proposeAction(doc: Y.Doc, personId: string, draft: ActionDraft, now = Date.now()): string {
  const id = nanoid()
  const action: Action = {
    id,
    youSaid: draft.youSaid,
    raisedBy: draft.raisedBy,
    weDid: draft.weDid,
    whatChanged: '',
    owner: draft.owner,
    dueDate: draft.dueDate,
    status: 'proposed',
    droppedReason: '',
    areaIds: draft.areaIds,
    proposedBy: personId,
    fromCommentId: draft.fromCommentId ?? null,
    agreedInSession: null,
    agreedAt: null,
    feedback: { toldAt: null, how: '' },
    createdAt: now,
    updatedAt: now,
    carriedFrom: null,
  }
  doc.transact(() => actionsMap(doc).set(id, action), localOrigin(personId))
  return id
}

/** Changes fields of an action. The server allows a participant this only on their own proposal. */
export function updateAction(
  doc: Y.Doc,
  personId: string,
  actionId: string,
  patch: Partial<Omit<Action, 'id' | 'proposedBy' | 'createdAt'>>,
  now = Date.now(),
): void {
  const current = actionsMap(doc).get(actionId)
  if (!current) throw new Error('That action no longer exists.')
  doc.transact(
    () => actionsMap(doc).set(actionId, { ...current, ...patch, updatedAt: now }),
    localOrigin(personId),
  )
}

/** A chair agrees an action; agreeing records when, and the session it was agreed in. */
export function agreeAction(
  doc: Y.Doc,
  chairId: string,
  actionId: string,
  sessionId: string | null,
  now = Date.now(),
): void {
  updateAction(doc, chairId, actionId, { status: 'agreed', agreedInSession: sessionId, agreedAt: now }, now)
}
