import { CLOSE_CODES } from '@co-assess/board-model'
import type { WebSocket } from 'ws'

/** The standard WebSocket code for "try again later": every client library reconnects after it. */
export const TRY_AGAIN_LATER = CLOSE_CODES.tryAgainLater

/** Each upgraded request's socket, so a hook that has only the request can close the socket. */
const sockets = new WeakMap<object, WebSocket>()

export function rememberSocket(request: object, socket: WebSocket): void {
  sockets.set(request, socket)
}

/**
 * Closes the socket `request` was upgraded to with "try again later". Hocuspocus answers an error in
 * onAuthenticate (or in loading the document) with "permission denied" and leaves the socket open,
 * and a stock HocuspocusProvider told that never tries again: a check that failed only because the
 * store was unreachable must end the socket instead, so the provider reconnects once it is back.
 */
export function tryAgainLater(request: object, reason: string): void {
  sockets.get(request)?.close(TRY_AGAIN_LATER, reason)
}
