import type { JoinResult } from '../api/apiTypes.ts'
import { navigate } from '../app/navigation.ts'
import { boardPath } from '../app/route.ts'
import { saveSession, sessionFromJoin } from '../session/storedSession.ts'

/** Keeps the chair session the server made for a signed-in lead, as joining would, and opens the board. */
export function openAsChair(chair: JoinResult, title: string): void {
  saveSession(localStorage, sessionFromJoin(chair, title))
  navigate(boardPath(chair.assessmentId))
}
