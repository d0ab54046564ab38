import Fastify from 'fastify'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { installErrorHandler } from './errorHandler.ts'
import { installRequestDeadline } from './requestDeadline.ts'

// Fake timers stand in for a frozen disk: the handlers below never finish, and the clock is moved on
// by hand, so nothing here waits for real time to pass.

afterEach(() => {
  vi.useRealTimers()
})

async function appWithHangingRoutes() {
  const app = Fastify()
  installErrorHandler(app)
  installRequestDeadline(app, 1000)
  const never = () => new Promise<never>(() => {})
  app.post('/join', never)
  app.post('/import', { config: { deadlineMs: 5000 } }, never)
  app.get('/quick', async () => ({ ok: true }))
  await app.ready()
  return app
}

describe('request deadline', () => {
  it('answers a POST with a body that never finishes with a 503 saying what to do, at its deadline', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const app = await appWithHangingRoutes()
    let answered = false
    const response = app
      .inject({ method: 'POST', url: '/join', payload: { displayName: 'Ann' } })
      .finally(() => {
        answered = true
      })
    await vi.advanceTimersByTimeAsync(999)
    expect(answered).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const { statusCode, json, headers } = await response
    expect(statusCode).toBe(503)
    expect(headers['retry-after']).toBe('30')
    expect(json()).toMatchObject({
      error: 'StorageUnavailable',
      message: expect.stringMatching(/took too long/),
    })
    await app.close()
  })

  it('gives a route its own longer deadline, and leaves quick answers alone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const app = await appWithHangingRoutes()
    expect((await app.inject({ method: 'GET', url: '/quick' })).statusCode).toBe(200)
    let answered = false
    const response = app.inject({ method: 'POST', url: '/import', payload: {} }).finally(() => {
      answered = true
    })
    await vi.advanceTimersByTimeAsync(4999)
    expect(answered).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect((await response).statusCode).toBe(503)
    await app.close()
  })
})
