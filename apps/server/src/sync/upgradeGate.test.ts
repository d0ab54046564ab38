import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createUpgradeGate } from './upgradeGate.ts'

function request(url: string, headers: Record<string, string>, address = '10.0.0.1'): IncomingMessage {
  return { url, headers, socket: { remoteAddress: address } } as unknown as IncomingMessage
}

describe('upgradeGate', () => {
  it('takes the sync path from the same host, or from a client that sends no Origin', async () => {
    const gate = createUpgradeGate({ allowedOrigins: [], upgradesPerMinute: 10, trustedProxies: [] })
    expect(await gate(request('/sync', { host: 'board.example', origin: 'https://board.example' }))).toEqual({
      ok: true,
    })
    expect(await gate(request('/sync', { host: 'board.example' }))).toEqual({ ok: true })
  })

  it('refuses other sites, other paths, and too many upgrades from one address', async () => {
    const gate = createUpgradeGate({ allowedOrigins: [], upgradesPerMinute: 2, trustedProxies: [] })
    expect(
      await gate(request('/sync', { host: 'board.example', origin: 'https://evil.example' })),
    ).toMatchObject({ status: 403 })
    expect(await gate(request('/other', { host: 'board.example' }))).toMatchObject({ status: 404 })
    await gate(request('/sync', { host: 'h' }, '10.0.0.9'))
    await gate(request('/sync', { host: 'h' }, '10.0.0.9'))
    expect(await gate(request('/sync', { host: 'h' }, '10.0.0.9'))).toMatchObject({ status: 429 })
  })

  it('uses the configured list when one is given', async () => {
    const gate = createUpgradeGate({
      allowedOrigins: ['https://a.example'],
      upgradesPerMinute: 10,
      trustedProxies: [],
    })
    expect(await gate(request('/sync', { host: 'b.example', origin: 'https://a.example' }))).toEqual({
      ok: true,
    })
    expect(await gate(request('/sync', { host: 'b.example', origin: 'https://b.example' }))).toMatchObject({
      status: 403,
    })
  })

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const direct = createUpgradeGate({ allowedOrigins: [], upgradesPerMinute: 1, trustedProxies: [] })
    // A client naming a new address each time is still one address to a server with no proxy.
    expect(
      await direct(request('/sync', { host: 'h', 'x-forwarded-for': '203.0.113.1' }, '10.0.0.5')),
    ).toEqual({
      ok: true,
    })
    expect(
      await direct(request('/sync', { host: 'h', 'x-forwarded-for': '203.0.113.2' }, '10.0.0.5')),
    ).toMatchObject({ status: 429 })

    const proxied = createUpgradeGate({
      allowedOrigins: [],
      upgradesPerMinute: 1,
      trustedProxies: ['10.0.0.0/8'],
    })
    // Behind the proxy, each browser it forwards has a budget of its own.
    expect(
      await proxied(request('/sync', { host: 'h', 'x-forwarded-for': '203.0.113.1' }, '10.0.0.5')),
    ).toEqual({
      ok: true,
    })
    expect(
      await proxied(request('/sync', { host: 'h', 'x-forwarded-for': '203.0.113.2' }, '10.0.0.5')),
    ).toEqual({
      ok: true,
    })
    expect(
      await proxied(request('/sync', { host: 'h', 'x-forwarded-for': '203.0.113.2' }, '10.0.0.5')),
    ).toMatchObject({ status: 429 })
  })
})
