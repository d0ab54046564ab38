import { describe, expect, it } from 'vitest'
import { errorFrom } from './apiFetch.ts'

describe('errorFrom', () => {
  it('keeps the server sentence', () => {
    const error = errorFrom(400, { error: 'BadRequest', message: 'Your name is too long.' })
    expect(error.message).toBe('Your name is too long.')
    expect(error.code).toBe('BadRequest')
    expect(error.status).toBe(400)
  })

  it('gives a plain sentence when the body says nothing', () => {
    expect(errorFrom(401, null).message).toMatch(/invite link/)
    expect(errorFrom(502, 'oops').message).toMatch(/Try again/)
    expect(errorFrom(404, { message: '  ' }).code).toBe('Http404')
  })
})
