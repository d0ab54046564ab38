import { errorBody, healthResponse, readyResponse } from '@co-assess/api-contract'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDeps } from '../appDeps.ts'
import { storageFailureMessage } from '../storageFailure.ts'

/** Thrown when the probe write has not finished in time: the store is frozen or stuck. */
class ProbeTimeout extends Error {}

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // One probe at a time: while a frozen disk holds one, the next checks wait on it rather than
    // stacking up writes that will all land at once when the disk comes back.
    let probing: Promise<void> | null = null
    const probe = () => {
      probing ??= deps.storage.checkWritable().finally(() => {
        probing = null
      })
      return probing
    }

    // `serverTime` (ms since 1970) lets each browser learn how far its clock is from the server's, so
    // area timers are stamped and counted down on one clock for everyone. Never cached: a stale time is wrong.
    app.get(
      '/api/health',
      { schema: { summary: 'The process is up, and the server clock', response: { 200: healthResponse } } },
      async (_request, reply) => {
        reply.header('Cache-Control', 'no-store')
        return { status: 'ok', serverTime: Date.now() }
      },
    )
    // Ready means the store can take a write now: a read answered from cache said "ready" on a full,
    // closed or frozen disk, and a load balancer kept sending people to an instance that could save nothing.
    app.get(
      '/api/ready',
      {
        schema: {
          summary: 'The store takes a small write in time, so the server can take work',
          response: { 200: readyResponse, 503: errorBody },
        },
      },
      async (_request, reply) => {
        reply.header('Cache-Control', 'no-store')
        const limit = deps.config.readyTimeoutMs
        let timer: NodeJS.Timeout | undefined
        try {
          await Promise.race([
            probe(),
            new Promise<never>((_resolve, reject) => {
              timer = setTimeout(() => reject(new ProbeTimeout()), limit)
            }),
          ])
          return { status: 'ready', store: deps.storage.describe(), instance: deps.config.instanceId }
        } catch (error) {
          const message =
            error instanceof ProbeTimeout
              ? `The store did not take a test write within ${limit} ms: its disk or database is not responding.`
              : (storageFailureMessage(error) ?? 'The store could not take a test write.')
          deps.log.error({ err: error, store: deps.storage.describe() }, `readiness check failed: ${message}`)
          return reply.status(503).send({ error: 'NotReady', message })
        } finally {
          clearTimeout(timer)
        }
      },
    )
  }
