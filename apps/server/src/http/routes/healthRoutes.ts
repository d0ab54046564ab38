import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDeps } from '../appDeps.ts'

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // `serverTime` (ms since 1970) lets each browser learn how far its clock is from the server's, so
    // area timers are stamped and counted down on one clock for everyone. Never cached: a stale time is wrong.
    app.get(
      '/api/health',
      { schema: { summary: 'The process is up, and the server clock' } },
      async (_request, reply) => {
        reply.header('Cache-Control', 'no-store')
        return { status: 'ok', serverTime: Date.now() }
      },
    )
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
