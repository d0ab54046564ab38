import { describe, expect, it } from 'vitest'
import { bestOffset, MAX_ROUND_TRIP_MS, offsetBounds, ServerClock } from './serverClock.ts'
import { timerView } from './timerView.ts'

const SERVER = Date.UTC(2026, 2, 1, 10, 0, 0)

describe('offsetBounds', () => {
  it('bounds the offset by when the device asked and when the answer came', () => {
    // Device clock 3 minutes slow: asked at SERVER-180s-100ms, answered 200 ms later.
    const sentAt = SERVER - 180_000 - 100
    expect(offsetBounds({ sentAt, receivedAt: sentAt + 200, serverTime: SERVER })).toEqual({
      low: 179_900,
      high: 180_100,
    })
  })

  it('refuses answers that are not a plausible time', () => {
    const at = { sentAt: SERVER, receivedAt: SERVER + 10 }
    for (const serverTime of [undefined, null, 'now', Number.NaN, Number.POSITIVE_INFINITY, 0, -5, 1e15]) {
      expect(offsetBounds({ ...at, serverTime })).toBeNull()
    }
  })

  it('refuses answers that took too long or came back before they were asked', () => {
    expect(
      offsetBounds({ sentAt: SERVER, receivedAt: SERVER + MAX_ROUND_TRIP_MS + 1, serverTime: SERVER }),
    ).toBeNull()
    expect(offsetBounds({ sentAt: SERVER, receivedAt: SERVER - 1, serverTime: SERVER })).toBeNull()
  })
})

describe('bestOffset', () => {
  it('narrows the offset to where all answers agree, and takes the middle', () => {
    // The server is 1000 ms ahead; a slow answer and a quick one overlap on 990..1010.
    expect(
      bestOffset([
        { sentAt: SERVER, receivedAt: SERVER + 2_000, serverTime: SERVER + 2_500 },
        { sentAt: SERVER, receivedAt: SERVER + 20, serverTime: SERVER + 1_010 },
        { sentAt: SERVER, receivedAt: SERVER + 10, serverTime: 'broken' },
      ]),
    ).toBe(1_000)
  })

  it('keeps the device clock when it fits what the server said, so good clocks agree exactly', () => {
    // A slow answer that could have been read at any moment of its trip says nothing against 0.
    expect(bestOffset([{ sentAt: SERVER, receivedAt: SERVER + 900, serverTime: SERVER + 600 }])).toBe(0)
  })

  it('trusts the quickest answer when the answers contradict each other', () => {
    expect(
      bestOffset([
        { sentAt: SERVER, receivedAt: SERVER + 100, serverTime: SERVER + 60_050 },
        { sentAt: SERVER, receivedAt: SERVER + 40, serverTime: SERVER - 29_980 },
      ]),
    ).toBe(-30_000)
  })

  it('has nothing to say when no answer can be trusted', () => {
    expect(bestOffset([])).toBeNull()
    expect(bestOffset([{ sentAt: SERVER, receivedAt: SERVER + 10, serverTime: null }])).toBeNull()
  })
})

/** A device whose clock is `skew` ms off the server's, asking a server that answers in 40 ms. */
function device(skew: number, server: { time: number }) {
  let local = server.time + skew
  const clock = new ServerClock(
    () => local,
    async () => {
      local += 20
      const answer = server.time + 20
      local += 20
      return answer
    },
  )
  return { clock, advance: (ms: number) => (local += ms) }
}

describe('ServerClock', () => {
  it('gives devices with different clocks the same time once synced', async () => {
    const server = { time: SERVER }
    const fast = device(4 * 60_000, server)
    const slow = device(-7 * 60_000, server)
    expect(fast.clock.now() - slow.clock.now()).toBe(11 * 60_000)
    await Promise.all([fast.clock.sync(1), slow.clock.sync(1)])
    expect(Math.abs(fast.clock.now() - slow.clock.now())).toBeLessThan(100)
  })

  it('shows a chair with a fast clock and a viewer with a slow one the same time left', async () => {
    const server = { time: SERVER }
    const chair = device(5 * 60_000, server)
    const viewer = device(-2 * 60_000, server)
    await chair.clock.sync(1)
    await viewer.clock.sync(1)
    const timer = { startedAt: chair.clock.now(), durationSeconds: 600 }
    chair.advance(8 * 60_000)
    viewer.advance(8 * 60_000)
    const left = (now: number) => timerView(timer, now).remainingSeconds
    expect(Math.abs(left(chair.clock.now()) - left(viewer.clock.now()))).toBeLessThanOrEqual(1)
    expect(Math.abs(left(viewer.clock.now()) - 120)).toBeLessThanOrEqual(1)
    // On device clocks alone the viewer would see 9:00 left while the chair sees 2:00.
    const stampedByChairDevice = { startedAt: SERVER + 5 * 60_000, durationSeconds: 600 }
    expect(timerView(stampedByChairDevice, SERVER - 2 * 60_000 + 8 * 60_000).remainingSeconds).toBe(540)
  })

  it('keeps the last offset and tells nobody when the server cannot be reached', async () => {
    let local = SERVER
    let reachable = true
    const clock = new ServerClock(
      () => local,
      async () => {
        if (!reachable) throw new TypeError('Failed to fetch')
        return SERVER + 60_000
      },
    )
    let told = 0
    clock.subscribe(() => told++)
    expect(await clock.sync(1)).toBe(true)
    expect(clock.getOffset()).toBe(60_000)
    expect(told).toBe(1)
    reachable = false
    local += 1_000
    expect(await clock.sync(2)).toBe(false)
    expect(clock.getOffset()).toBe(60_000)
    expect(told).toBe(1)
  })

  it('ignores an answer without a time, keeping the device clock', async () => {
    const clock = new ServerClock(
      () => SERVER,
      async () => undefined,
    )
    expect(await clock.sync(1)).toBe(false)
    expect(clock.now()).toBe(SERVER)
  })
})
