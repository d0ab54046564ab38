import type { AssessmentDetail } from '../api/apiTypes.ts'
import type { Framework } from '../framework/frameworkTypes.ts'

/**
 * The assessment and framework the board last opened with on this device, so that a reload with the
 * venue's wifi down opens the board again (the board itself is in y-indexeddb). The assessment is kept
 * beside the person's session and only for that person: someone else joining on this device, or a
 * sign-out, drops it. The framework is public and the same for everyone, so it is kept once per id.
 */
export interface BoardCopy {
  detail: AssessmentDetail
  framework: Framework
}

interface StoredDetail {
  personId: string
  savedAt: string
  detail: AssessmentDetail
}

const detailKey = (assessmentId: string) => `co-assess:board-copy:${assessmentId}`
const frameworkKey = (frameworkId: string) => `co-assess:framework:${frameworkId}`

export function saveBoardCopy(storage: Storage, personId: string, copy: BoardCopy, now = new Date()): void {
  const stored: StoredDetail = { personId, savedAt: now.toISOString(), detail: copy.detail }
  try {
    // The framework is most of the copy and rarely changes: written only when it did. Writing it on
    // every open held the main thread while the board was first drawn (localStorage is synchronous).
    const framework = JSON.stringify(copy.framework)
    const key = frameworkKey(copy.framework.id)
    if (storage.getItem(key) !== framework) storage.setItem(key, framework)
    storage.setItem(detailKey(copy.detail.assessment.id), JSON.stringify(stored))
  } catch {
    // Storage full or refused: the board still works online; it just cannot open offline.
  }
}

/** The copy kept for this person and assessment, or null when there is none that fits. */
export function loadBoardCopy(storage: Storage, assessmentId: string, personId: string): BoardCopy | null {
  try {
    const stored = JSON.parse(storage.getItem(detailKey(assessmentId)) ?? 'null') as StoredDetail | null
    if (stored?.personId !== personId || stored.detail?.assessment?.id !== assessmentId) return null
    const frameworkId = stored.detail.assessment.frameworkId
    const framework = JSON.parse(storage.getItem(frameworkKey(frameworkId)) ?? 'null') as Framework | null
    if (framework?.id !== frameworkId || !Array.isArray(framework.phases)) return null
    return { detail: stored.detail, framework }
  } catch {
    return null
  }
}

export function clearBoardCopy(storage: Storage, assessmentId: string): void {
  try {
    storage.removeItem(detailKey(assessmentId))
  } catch {
    // Nothing stored, nothing to clear.
  }
}
