import { describe, expect, it } from 'vitest'
import { latestThreads, THREAD_PAGE, threadCountText } from './latestThreads.ts'

const threads = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`)

describe('latestThreads', () => {
  it('shows every thread of a short list, with nothing to add', () => {
    expect(latestThreads(threads(3), THREAD_PAGE)).toEqual({
      visible: ['t0', 't1', 't2'],
      hidden: 0,
      next: 0,
      firstOfNext: null,
    })
  })

  it('shows the latest page of a long list, and the next page starts where the shown ones begin', () => {
    const page = latestThreads(threads(500), THREAD_PAGE)
    expect(page.visible).toHaveLength(THREAD_PAGE)
    expect(page.visible[0]).toBe('t480')
    expect(page.visible.at(-1)).toBe('t499')
    expect(page.hidden).toBe(480)
    expect(page.next).toBe(THREAD_PAGE)
    expect(page.firstOfNext).toBe('t460')
  })

  it('adds the earliest threads last, however few are left', () => {
    const page = latestThreads(threads(25), THREAD_PAGE)
    expect(page).toMatchObject({ hidden: 5, next: 5, firstOfNext: 't0' })
    const all = latestThreads(threads(25), page.visible.length + page.next)
    expect(all.visible).toEqual(threads(25))
    expect(all).toMatchObject({ hidden: 0, next: 0, firstOfNext: null })
  })

  it('reaches every thread of any list by pressing the button enough times', () => {
    for (const total of [0, 1, 19, 20, 21, 40, 41, 500]) {
      let limit = THREAD_PAGE
      let page = latestThreads(threads(total), limit)
      let presses = 0
      while (page.hidden > 0) {
        limit = page.visible.length + page.next
        page = latestThreads(threads(total), limit)
        presses++
      }
      expect(page.visible).toEqual(threads(total))
      expect(presses).toBe(Math.max(0, Math.ceil(total / THREAD_PAGE) - 1))
    }
  })
})

describe('threadCountText', () => {
  it('says how many threads there are and how many are shown', () => {
    expect(threadCountText(1, 1)).toBe('1 thread shown.')
    expect(threadCountText(7, 7)).toBe('7 threads shown.')
    expect(threadCountText(500, 20)).toBe('500 threads: the latest 20 are shown.')
  })
})
