import { frameworkSummary } from '@co-assess/framework'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppDeps } from '../appDeps.ts'
import { notFound } from '../httpError.ts'

export const frameworkRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/frameworks', { schema: { summary: 'The frameworks this server loaded' } }, async () =>
      [...deps.frameworks.values()].map((framework) => frameworkSummary(framework)),
    )
    app.get(
      '/api/frameworks/:frameworkId',
      { schema: { summary: 'One framework, whole', params: z.object({ frameworkId: z.string().max(64) }) } },
      async (request) => {
        const framework = deps.frameworks.get(request.params.frameworkId)
        if (!framework) throw notFound(`There is no framework "${request.params.frameworkId}".`)
        return framework
      },
    )
  }
