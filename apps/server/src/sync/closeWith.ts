export { CLOSE_CODES } from '@co-assess/board-model'

/**
 * An error Hocuspocus turns into a WebSocket close frame. Close reasons are limited to 123 bytes, so
 * the reason is cut to fit; the full text goes to the log.
 */
export function closeWith(code: number, reason: string): Error & { code: number; reason: string } {
  let short = reason
  while (Buffer.byteLength(short) > 120) short = short.slice(0, -1)
  return Object.assign(new Error(reason), { code, reason: short })
}
