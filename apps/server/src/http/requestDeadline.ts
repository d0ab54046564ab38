import type { FastifyInstance } from 'fastify'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's own deadline, for work that is slow by nature (an import of up to 20 MB). */
    deadlineMs?: number
  }
}

/** The error a request past its deadline is answered with; storageFailure.ts words the 503. */
export class RequestDeadlineError extends Error {
  override name = 'RequestDeadlineError'
  readonly code = 'CO_ASSESS_REQUEST_DEADLINE'
  readonly statusCode = 503
}

/**
 * Answers any request still unanswered after `ms` with a 503, so a frozen disk or a stuck database
 * gives people a message instead of a page that never loads. The work itself goes on (a store call
 * cannot be cancelled); if it finishes later, Fastify drops its late reply.
 *
 * Fastify's own `handlerTimeout` would be the natural choice, but in 5.12 it clears its timer on the
 * request stream's 'close', which Node emits as soon as a body has been read: every POST (a join,
 * an import) escaped it. The response's 'close' is what marks a request as done.
 */
export function installRequestDeadline(app: FastifyInstance, ms: number): void {
  app.addHook('onRequest', async (request, reply) => {
    const limit = request.routeOptions.config?.deadlineMs ?? ms
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return
      request.log.error({ url: request.url, deadlineMs: limit }, 'request passed its deadline: answered 503')
      reply.send(new RequestDeadlineError(`No answer within ${limit} ms.`))
    }, limit)
    reply.raw.once('close', () => clearTimeout(timer))
  })
}
