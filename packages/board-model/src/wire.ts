/**
 * The sync wire's names, shared by the server and the browser so neither writes a bare number or
 * recognises a refusal by guesswork.
 */

/** WebSocket close codes the server uses (4000–4999 are the application's own range). */
export const CLOSE_CODES = {
  /** Standard: the server is shutting down; clients reconnect shortly. */
  goingAway: 1001,
  /** Standard "try again later": every client library reconnects after it. */
  tryAgainLater: 1013,
  badDocumentName: 4400,
  unauthorized: 4401,
  /** An update broke the writer's permissions: the client should drop its local copy and resync. */
  forbiddenWrite: 4403,
  tooManyMessages: 4429,
  /** The store could not take a change: the client keeps it and sends it again once reconnected. */
  storageUnavailable: 4503,
} as const

/** y-protocols sync message types, as Hocuspocus hands them to `beforeSync`. */
export const SYNC_MESSAGE = { step1: 0, step2: 1, update: 2 } as const

const REFUSAL_LEAD = 'Not saved'

/** The close reason for a refused update: a person reads it, the browser recognises it by its lead. */
export function refusalMessage(reason: string): string {
  return `${REFUSAL_LEAD}: ${reason}.`
}

/** Whether a close reason is a write refusal. */
export function isRefusalMessage(reason: string): boolean {
  return reason.toLowerCase().startsWith(REFUSAL_LEAD.toLowerCase())
}

/** Why the server refused, from its close reason, without the "Not saved:" lead-in. */
export function refusalReason(reason: string): string {
  const body = isRefusalMessage(reason) ? reason.slice(REFUSAL_LEAD.length) : reason
  return body
    .replace(/^:?\s*/, '')
    .replace(/\.$/, '')
    .trim()
}

/**
 * Document names: the shared board is named by its assessment id; blind-round ticks live in a
 * document only their author (and the server) can open, `<assessmentId>.blind.<personId>`, so
 * nobody else's browser receives them before the reveal.
 */
export const BLIND_SEPARATOR = '.blind.'
export type DocumentName =
  | { kind: 'board'; assessmentId: string }
  | { kind: 'blind'; assessmentId: string; personId: string }

export function blindDocumentName(assessmentId: string, personId: string): string {
  return `${assessmentId}${BLIND_SEPARATOR}${personId}`
}

/** What a document name names, or null for a name the server does not serve. */
export function parseDocumentName(name: string): DocumentName | null {
  const board = /^([A-Za-z0-9_-]{4,64})$/.exec(name)
  if (board) return { kind: 'board', assessmentId: board[1]! }
  const blind = /^([A-Za-z0-9_-]{4,64})\.blind\.([A-Za-z0-9_-]{4,64})$/.exec(name)
  if (blind) return { kind: 'blind', assessmentId: blind[1]!, personId: blind[2]! }
  return null
}
