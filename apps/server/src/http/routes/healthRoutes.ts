import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDeps } from '../appDeps.ts'

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/health', { schema: { summary: 'The process is up' } }, async () => ({ status: 'ok' }))
    app.get(
      '/api/ready',
      { schema: { summary: 'The store answers, so the server can take work' } },
      async (_request, reply) => {
        try {
          await deps.storage.metadata.getSetting('tokenSigningKey')
          return { status: 'ready', store: deps.storage.describe(), instance: deps.config.instanceId }
        } catch (error) {
          deps.log.error({ err: error }, 'readiness check failed')
          return reply.status(503).send({ error: 'NotReady', message: 'The store is not answering.' })
        }
      },
    )
  }
