import { describe, expect, it } from 'vitest'
import { newsFrom } from './useRemoteEvents.ts'

describe('newsFrom', () => {
  it('announces nothing of the first sync, then what the server sends', () => {
    const provider = { isSynced: false }
    const firstSync = { done: false }
    const news = newsFrom(provider, firstSync)
    expect(news(provider)).toBe(false)
    provider.isSynced = true
    expect(news(provider)).toBe(true)
    expect(news('this device')).toBe(false)
  })

  it('announces what a later connection catches up on after the first sync', () => {
    const firstSync = { done: false }
    const first = { isSynced: true }
    newsFrom(first, firstSync)(first)
    const reconnected = { isSynced: false }
    expect(newsFrom(reconnected, firstSync)(reconnected)).toBe(true)
  })
})
