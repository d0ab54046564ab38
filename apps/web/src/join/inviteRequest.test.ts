import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/apiFetch.ts'
import { requestInvite } from './inviteRequest.ts'

const invite = { role: 'participant', assessment: { id: 'a1', title: 'Leeds' } }
const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

afterEach(() => {
  globalThis.coAssessInvite = undefined
  vi.unstubAllGlobals()
})

describe('requestInvite', () => {
  it('takes the request the page started for this token, once', async () => {
    const fetch = vi.fn(async () => answer(200, { ...invite, fresh: true }))
    vi.stubGlobal('fetch', fetch)
    globalThis.coAssessInvite = { token: 'tok', response: Promise.resolve(answer(200, invite)) }

    expect(await requestInvite('tok')).toEqual(invite)
    expect(fetch).not.toHaveBeenCalled()
    // A retry ("Try the link again") asks the server afresh.
    expect(await requestInvite('tok')).toEqual({ ...invite, fresh: true })
    expect(fetch).toHaveBeenCalledWith('/api/invites/tok', expect.objectContaining({ method: 'GET' }))
  })

  it('leaves another invite’s early request alone', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(200, invite)),
    )
    const early = { token: 'other', response: Promise.resolve(answer(200, {})) }
    globalThis.coAssessInvite = early
    expect(await requestInvite('tok')).toEqual(invite)
    expect(globalThis.coAssessInvite).toBe(early)
  })

  it('turns the early answer’s refusal into the server’s sentence', async () => {
    globalThis.coAssessInvite = {
      token: 'tok',
      response: Promise.resolve(answer(410, { error: 'Gone', message: 'This invite has expired.' })),
    }
    const error = await requestInvite('tok').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 410, message: 'This invite has expired.' })
  })

  it('says the server could not be reached when the early request failed', async () => {
    globalThis.coAssessInvite = { token: 'tok', response: Promise.reject(new TypeError('Failed to fetch')) }
    const error = await requestInvite('tok').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 0, code: 'Offline' })
  })
})
