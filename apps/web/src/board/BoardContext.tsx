import type { BoardView } from '@co-assess/board-model'
import { createContext, useContext } from 'react'
import type { AssessmentRecord } from '../api/apiTypes.ts'
import type { AreaPlace } from '../framework/frameworkIndex.ts'
import type { Framework } from '../framework/frameworkTypes.ts'
import type { SessionKeeper } from '../session/sessionKeeper.ts'
import type { StoredSession } from '../session/storedSession.ts'
import type { BoardActions } from './boardActions.ts'
import type { BoardConnection } from './connection/BoardConnection.ts'

/**
 * What every part of the live board reads; writes go through `actions` only. The connection's state
 * and who is here are not in it: they change on their own, often, and are read through liveState.tsx.
 */
export interface BoardContextValue {
  assessment: AssessmentRecord
  framework: Framework
  areas: Map<string, AreaPlace>
  view: BoardView
  actions: BoardActions
  person: StoredSession['person']
  /** Chairs and participants tick and write notes; observers and peer reviewers read. */
  canWrite: boolean
  isChair: boolean
  connection: BoardConnection
  keeper: SessionKeeper
  following: boolean
  setFollowing: (following: boolean) => void
  /** Projector mode: the room's view, with no one's controls, invitations or names. */
  audience: boolean
}

export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoardContext is used outside the board')
  return value
}
