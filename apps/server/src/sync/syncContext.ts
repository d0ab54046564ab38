import type { BoardShape } from '@co-assess/board-model'
import type { VerifiedClaims } from '../auth/tokens.ts'

/** What onAuthenticate learns about a connection; later hooks read it, never the client's words. */
export interface SyncContext {
  claims: VerifiedClaims
  documentKind: 'board' | 'blind'
  assessmentId: string
  /** What the assessment's framework lets the board hold: the write gate checks every update against it. */
  shape: BoardShape
  /** The person's anonymous name on this board, for comments posted without their name. */
  alias: string
}

export function isSyncContext(value: unknown): value is SyncContext {
  return typeof value === 'object' && value !== null && 'claims' in value && 'documentKind' in value
}
