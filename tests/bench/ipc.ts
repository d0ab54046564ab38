import type { ChildProcess } from 'node:child_process'

/**
 * Sends one message to a child and resolves with the first reply that `accept` recognises. Bench
 * processes answer one request at a time, so no correlation ids are needed.
 */
export function request<Reply>(
  child: ChildProcess,
  message: unknown,
  accept: (reply: unknown) => reply is Reply,
  timeoutMs: number,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: unknown) => {
      if (!accept(reply)) return
      cleanUp()
      resolve(reply)
    }
    const onExit = (code: number | null, signal: string | null) => {
      cleanUp()
      reject(new Error(`process ${child.pid} exited (${signal ?? code}) before answering`))
    }
    const timer = setTimeout(() => {
      cleanUp()
      reject(new Error(`process ${child.pid} did not answer within ${timeoutMs} ms`))
    }, timeoutMs)
    const cleanUp = () => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
    child.send(message as object)
  })
}

/** A reply guard on a `type` (or `probe`) field. */
export function replyOf<T>(field: 'type' | 'probe', value: string) {
  return (reply: unknown): reply is T =>
    typeof reply === 'object' && reply !== null && (reply as Record<string, unknown>)[field] === value
}
