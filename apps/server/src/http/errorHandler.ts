import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { HttpError } from './httpError.ts'
import { storageFailureMessage } from './storageFailure.ts'

const where: Record<string, string> = {
  body: 'In the request body',
  querystring: 'In the query',
  params: 'In the address',
  headers: 'In the headers',
}

/** Every error leaves as `{ error, message }` with a sentence a person can act on. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0]
      const field = first?.instancePath ? first.instancePath.replace(/^\//, '').replaceAll('/', '.') : ''
      const context = where[error.validationContext ?? ''] ?? 'In the request'
      const detail = first?.message ?? 'something is missing or has the wrong type'
      return reply
        .status(400)
        .send({ error: 'BadRequest', message: `${context}${field ? `, "${field}"` : ''}: ${detail}.` })
    }
    if (error instanceof HttpError)
      return reply.status(error.statusCode).send({ error: error.code, message: error.message })
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: 'TooManyRequests', message: 'Too many requests. Wait a minute and try again.' })
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send({ error: 'BadRequest', message: 'The request body is not valid JSON.' })
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: 'PayloadTooLarge', message: 'The request body is too large.' })
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({
        error: 'UnsupportedMediaType',
        message: 'Send the request body as JSON (Content-Type: application/json).',
      })
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: 'BadRequest', message: error.message })
    }
    const storageMessage = storageFailureMessage(error)
    if (storageMessage) {
      request.log.error({ err: error }, 'request failed: the store could not take it')
      return reply
        .status(503)
        .header('retry-after', '30')
        .send({ error: 'StorageUnavailable', message: storageMessage })
    }
    request.log.error({ err: error }, 'request failed')
    return reply
      .status(500)
      .send({ error: 'ServerError', message: 'Something went wrong on the server. Try again in a moment.' })
  })
}
