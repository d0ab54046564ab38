import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/**
 * Serves the built web app (when there is one) and answers everything else that no route matched:
 * under /api/, or without a web build, a plain 404; any other page is the web app's index, which
 * routes in the browser.
 */
export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const webBuilt = existsSync(webDist)
  // The web build holds a Brotli and a gzip copy of each script, style sheet and page beside it
  // (apps/web/vite.config.ts): a browser that accepts one gets it, about a third of the bytes.
  if (webBuilt) await app.register(fastifyStatic, { root: webDist, wildcard: false, preCompressed: true })
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !webBuilt) {
      return reply.status(404).send({
        error: 'NotFound',
        message: `There is nothing at ${request.method} ${request.url.split('?')[0]}.`,
      })
    }
    // The web app routes in the browser: every other page is its index.
    return reply.sendFile('index.html')
  })
}
