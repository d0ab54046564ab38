import { describe, expect, it } from 'vitest'
import { hashSecret, secretMatchesHash } from './hashSecret.ts'
import { type Claims, createTokenService, TokenError } from './tokens.ts'

const claims: Claims = {
  personId: 'person-1',
  assessmentId: 'assess-1',
  inviteId: 'invite-1',
  role: 'participant',
  name: 'Ann',
  group: 'vcse',
  colour: '#005eb8',
}

describe('tokens', () => {
  const service = createTokenService(new TextEncoder().encode('a-test-signing-key-of-enough-length'))

  it('round-trips the claims of an access token', async () => {
    const { token, expiresAt } = await service.issue(claims, 'access')
    // The verified claims carry the expiry too, so a long-lived connection can be closed when it passes.
    expect(await service.verify(token, 'access')).toEqual({ ...claims, expiresAt: Date.parse(expiresAt) })
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())
  })

  it('will not take a refresh token where an access token is due, or the reverse', async () => {
    const refresh = await service.issue(claims, 'refresh')
    await expect(service.verify(refresh.token, 'access')).rejects.toBeInstanceOf(TokenError)
    const access = await service.issue(claims, 'access')
    await expect(service.verify(access.token, 'refresh')).rejects.toBeInstanceOf(TokenError)
  })

  it('refuses a token signed with another key, and a tampered one', async () => {
    const other = createTokenService(new TextEncoder().encode('another-signing-key-entirely-here'))
    const { token } = await other.issue(claims, 'access')
    await expect(service.verify(token, 'access')).rejects.toThrow(/not valid/)
    const mine = (await service.issue(claims, 'access')).token
    const [header, payload, signature] = mine.split('.')
    const changed = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'chair' }),
    ).toString('base64url')
    await expect(service.verify(`${header}.${changed}.${signature}`, 'access')).rejects.toThrow(/not valid/)
  })
})

describe('hashSecret', () => {
  it('matches only the same secret', () => {
    const hash = hashSecret('invite-token-123')
    expect(secretMatchesHash('invite-token-123', hash)).toBe(true)
    expect(secretMatchesHash('invite-token-124', hash)).toBe(false)
    expect(hash).not.toContain('invite')
  })
})
