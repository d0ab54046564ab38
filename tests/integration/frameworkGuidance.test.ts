import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../utils/testServer.ts'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.stop()
})

describe("the framework's guidance over HTTP", () => {
  it('comes with the framework, without signing in, and the route is described in OpenAPI', async () => {
    const framework = await t.api('/api/frameworks/cqc-hi-2025')
    expect(framework.status).toBe(200)
    expect(framework.body.guidance.tips.title).toBe('Practical tips for using the framework')
    expect(framework.body.guidance.roles.blocks.some((b: { type: string }) => b.type === 'raci')).toBe(true)
    expect(framework.body.glossary.length).toBeGreaterThan(10)
    expect(framework.body.phases[0].areas[0].levels[0].items[0].plainEnglish).toBeTruthy()

    const spec = await t.api('/api/openapi.json')
    expect(spec.body.paths['/api/frameworks/{frameworkId}'].get.description).toMatch(/guidance/)
  })
})
