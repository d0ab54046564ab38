import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { taskQueue } from './taskQueue.ts'

/** A promise and the function that resolves it, so a test decides when a task finishes. */
function gate() {
  let open: () => void = () => undefined
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

describe('taskQueue', () => {
  it('runs one assessment’s tasks one after another, and another assessment’s alongside', async () => {
    const queue = taskQueue(pino({ level: 'silent' }))
    const order: string[] = []
    const first = gate()
    queue.enqueue('a', async () => {
      order.push('a1 start')
      await first.opened
      order.push('a1 end')
    })
    queue.enqueue('a', async () => {
      order.push('a2')
    })
    const other = gate()
    queue.enqueue('b', async () => {
      order.push('b1')
      other.open()
    })
    await other.opened
    expect(order).toEqual(['a1 start', 'b1'])
    first.open()
    await queue.settled()
    expect(order).toEqual(['a1 start', 'b1', 'a1 end', 'a2'])
  })

  it('logs a failed task and still runs the ones queued after it', async () => {
    const logged: unknown[] = []
    const log = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line).msg) })
    const queue = taskQueue(log)
    let ranAfter = false
    queue.enqueue('a', async () => {
      throw new Error('store refused')
    })
    queue.enqueue('a', async () => {
      ranAfter = true
    })
    queue.run(Promise.reject(new Error('attendance not stored')))
    await queue.settled()
    expect(ranAfter).toBe(true)
    expect(logged).toEqual(['a board lifecycle task failed', 'a board lifecycle task failed'])
  })

  it('settles only once a task started by another task has finished too', async () => {
    const queue = taskQueue(pino({ level: 'silent' }))
    let innerDone = false
    queue.enqueue('a', async () => {
      queue.enqueue('a', async () => {
        await Promise.resolve()
        innerDone = true
      })
    })
    await queue.settled()
    expect(innerDone).toBe(true)
  })
})
