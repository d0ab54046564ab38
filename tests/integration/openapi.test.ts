import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../utils/testServer.ts'

/** Every route the server has, as `METHOD /path/{param}`, read from Fastify's own route tree. */
function routesOf(tree: string): string[] {
  const stack: string[] = []
  const routes: string[] = []
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    stack.length = depth
    stack.push(match[2] ?? '')
    const path = stack.join('').replace(/:(\w+)/g, '{$1}')
    for (const method of (match[3] ?? '').split(', ').filter(Boolean))
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${path}`)
  }
  return routes
}

describe('the OpenAPI description (packages/api-contract)', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(async () => {
    await t.stop()
  })

  it('lists every route, each with the answer it gives on success', async () => {
    const spec = await t.api('/api/openapi.json')
    expect(spec.status).toBe(200)
    const paths = spec.body.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>
    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    )
    const served = routesOf(t.server.app.printRoutes({ commonPrefix: false })).filter(
      (route) => route !== 'GET /api/openapi.json' && (route.includes(' /api/') || route.includes(' /p/')),
    )
    expect(served.length).toBeGreaterThan(40)
    expect(served.filter((route) => !documented.includes(route))).toEqual([])

    // @fastify/swagger fills in a bare "Default Response" where a route declares none: that does not count.
    const declared = ([code, response]: [string, unknown]) => {
      const { content, description } = response as { content?: unknown; description?: string }
      return (
        /^[23]/.test(code) &&
        (content !== undefined || (/^(204|3)/.test(code) && description !== 'Default Response'))
      )
    }
    const withoutAnswer = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => !Object.entries(operation.responses ?? {}).some(declared))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    expect(withoutAnswer).toEqual([])
  })

  it('describes a JSON answer field by field, and a page by its content type', async () => {
    const { body } = await t.api('/api/openapi.json')
    const links = body.paths['/api/assessments/{assessmentId}/report-links'].post.responses['201']
    expect(Object.keys(links.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['access', 'expiresAt', 'links']),
    )
    const report = body.paths['/api/assessments/{assessmentId}/report'].get.responses['200']
    expect(Object.keys(report.content)).toEqual(['text/html'])
  })
})
