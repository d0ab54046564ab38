import type * as Y from 'yjs'
import { readAgreedLevels, readSessions } from '../../read/readRecords.ts'
import { readBlindProgressByArea } from '../../records/blindProgress.ts'
import { readLive } from '../../records/live.ts'
import { readRecordedParticipants } from '../../records/recordedParticipant.ts'
import { type BoardView, sameBlindProgress, sameRecorded } from '../boardView.ts'
import { keepList, keepMap } from '../sameValues.ts'
import type { ChangedKeys } from './changedKeys.ts'

export type Settings = Pick<BoardView, 'live' | 'blindProgress' | 'agreed' | 'sessions' | 'recorded'>

/**
 * The board's small records (live settings, agreed levels, sessions, recorded participants) read again
 * whole where anything in them changed, keeping what did not change as the same objects.
 */
export function readSettingChanges(doc: Y.Doc, view: Settings, changes: ChangedKeys): Settings {
  return {
    live: changes.live ? readLive(doc) : view.live,
    // The server's blind-round counts are live keys too.
    blindProgress: changes.live
      ? keepMap(view.blindProgress, readBlindProgressByArea(doc), sameBlindProgress)
      : view.blindProgress,
    agreed: changes.agreed ? keepMap(view.agreed, readAgreedLevels(doc)) : view.agreed,
    sessions: changes.sessions ? keepList(view.sessions, readSessions(doc)) : view.sessions,
    recorded: changes.recorded
      ? keepMap(view.recorded, readRecordedParticipants(doc), sameRecorded)
      : view.recorded,
  }
}
