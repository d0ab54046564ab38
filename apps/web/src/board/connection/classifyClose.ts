import { CLOSE_CODES, isRefusalMessage, refusalReason } from '@co-assess/board-model'

export { refusalReason }

export type CloseKind =
  /** The server refused a change: drop the local copy (it holds the refused change) and resync. */
  | 'refused'
  /** The server closed this document only, for another reason: connect it again, keeping local changes. */
  | 'dropped'
  /** The socket went away (wifi, server restart): the provider reconnects by itself. */
  | 'network'

/**
 * Hocuspocus closes a single document's connection with a close message that carries only a reason
 * (the provider reports it as code 1000 on a socket that stays open), and a whole socket with a code.
 * The write guard's reasons start "Not saved", so both forms are recognised.
 */
export function classifyClose(event: { code?: number; reason?: string }, socketOpen: boolean): CloseKind {
  const reason = event.reason ?? ''
  if (event.code === CLOSE_CODES.forbiddenWrite || isRefusalMessage(reason)) return 'refused'
  return socketOpen ? 'dropped' : 'network'
}

/** The refusal in words for the person whose change it was. */
export function describeRefusal(reason: string): string {
  const why = refusalReason(reason)
  const because = why ? ` because ${why}` : ''
  return `Your last change was not saved${because}. Co-assess has reloaded the board from the server, so what you see now is what everyone sees.`
}
