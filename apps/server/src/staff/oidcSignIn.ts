import * as client from 'openid-client'
import type { Config } from '../config.ts'

/** What the server keeps between sending someone to the provider and their coming back. */
export interface PendingSignIn {
  verifier: string
  state: string
  nonce: string
}

/** Who the provider says signed in: an identity stable across sign-ins, and a name to show. */
export interface SignedInIdentity {
  issuer: string
  subject: string
  name: string
}

export interface OidcSignIn {
  start(): Promise<{ url: string; pending: PendingSignIn }>
  /** `query` is the callback's query string; throws if the provider's answer does not check out. */
  finish(query: string, pending: PendingSignIn): Promise<SignedInIdentity>
}

type OidcSettings = NonNullable<Config['oidc']>

/**
 * Staff sign-in through any OpenID Connect provider, with openid-client doing the protocol: discovery,
 * PKCE, state and nonce, the code exchange and the ID token's checks. Discovery happens on first use
 * (and again after a failure), so a provider that is down at start-up does not stop the board.
 */
export function createOidcSignIn(settings: OidcSettings): OidcSignIn {
  let discovered: Promise<client.Configuration> | null = null
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        // Plain http only for a provider on this machine (tests, a local development provider).
        isLoopbackHttp(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = null
        throw error
      })
    return discovered
  }

  return {
    async start() {
      const config = await configuration()
      const verifier = client.randomPKCECodeVerifier()
      const pending: PendingSignIn = { verifier, state: client.randomState(), nonce: client.randomNonce() }
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      })
      return { url: url.href, pending }
    },
    async finish(query, pending) {
      const config = await configuration()
      // The URL the provider sent the browser to, as registered: behind a proxy the request's own host may differ.
      const current = new URL(settings.redirectUrl)
      current.search = query
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      })
      const claims = tokens.claims()
      if (!claims) throw new Error('The provider sent no ID token.')
      let name = pickName(claims)
      // Many providers put the name only in userinfo unless the ID token is asked for it.
      if (!name) name = pickName(await client.fetchUserInfo(config, tokens.access_token, claims.sub))
      return { issuer: claims.iss, subject: claims.sub, name: name ?? 'Staff member' }
    },
  }
}

function pickName(claims: Record<string, unknown>): string | null {
  for (const key of ['name', 'preferred_username', 'email']) {
    const value = claims[key]
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 80)
  }
  return null
}

function isLoopbackHttp(url: string): boolean {
  const parsed = new URL(url)
  return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)
}
