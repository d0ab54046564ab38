import Fastify from 'fastify'
import { validatorCompiler } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { responseSerializer, undeclaredPaths } from './responseSerializer.ts'

async function appWith(strict: boolean) {
  const app = Fastify()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(responseSerializer(strict))
  app.get(
    '/person',
    {
      schema: {
        response: { 200: z.object({ name: z.string(), tags: z.array(z.object({ id: z.string() })) }) },
      },
    },
    async () => ({ name: 'Ada', secret: 'kept', tags: [{ id: 't1', note: 'also kept' }] }),
  )
  await app.ready()
  return app
}

describe('responseSerializer', () => {
  it('finds each field the answer had that the schema left out, however deep', () => {
    expect(
      undeclaredPaths({ a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }] }, { a: 1, b: { c: 2 }, e: [{ f: 1 }] }),
    ).toEqual(['b.d', 'e[0].g'])
    expect(undeclaredPaths({ a: 1, gone: undefined }, { a: 1 })).toEqual([])
  })

  it('sends only what the schema declares', async () => {
    const app = await appWith(false)
    const answer = await app.inject({ method: 'GET', url: '/person' })
    expect(answer.json()).toEqual({ name: 'Ada', tags: [{ id: 't1' }] })
    await app.close()
  })

  it('refuses, when strict, to send a field the schema does not declare', async () => {
    const app = await appWith(true)
    const answer = await app.inject({ method: 'GET', url: '/person' })
    expect(answer.statusCode).toBe(500)
    expect(answer.body).not.toContain('kept')
    await app.close()
  })
})
