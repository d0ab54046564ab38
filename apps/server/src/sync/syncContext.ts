import type { VerifiedClaims } from '../auth/tokens.ts'

/** What onAuthenticate learns about a connection; later hooks read it, never the client's words. */
export interface SyncContext {
  claims: VerifiedClaims
  documentKind: 'board' | 'blind'
  assessmentId: string
}

export function isSyncContext(value: unknown): value is SyncContext {
  return typeof value === 'object' && value !== null && 'claims' in value && 'documentKind' in value
}
