import type { Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import Provider from 'oidc-provider'

/** A free loopback port, so the provider and the board can each know the other's address before starting. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export interface OidcTestProvider {
  issuer: string
  clientId: string
  clientSecret: string
  stop(): Promise<void>
}

/**
 * A real OpenID Connect provider (panva's oidc-provider, a certified implementation) on a loopback
 * port, in memory, with one confidential client and its own login and consent pages. Any login is
 * accepted: the login is the account's subject, and `names` gives some of them a display name.
 */
export async function startOidcTestProvider(options: {
  redirectUri: string
  names?: Record<string, string>
}): Promise<OidcTestProvider> {
  const port = await freePort()
  const issuer = `http://127.0.0.1:${port}`
  const clientId = 'co-assess-test'
  const clientSecret = 'a-test-client-secret-that-is-long-enough'
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name'] },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        claims: async () => ({ sub: id, name: options.names?.[id] ?? `Person ${id}` }),
      }
    },
    cookies: { keys: ['co-assess-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  })
  // The dev login pages warn on every start; the tests know they use them.
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider error', error))
  const server: Server = provider.listen(port, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
