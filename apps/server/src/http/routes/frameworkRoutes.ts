import {
  errorResponses,
  frameworkListResponse,
  frameworkParams,
  frameworkResponse,
} from '@co-assess/api-contract'
import { frameworkSummary } from '@co-assess/framework'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDeps } from '../appDeps.ts'
import { notFound } from '../httpError.ts'

export const frameworkRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/frameworks',
      {
        schema: {
          summary: 'The frameworks this server loaded',
          response: { 200: frameworkListResponse, ...errorResponses },
        },
      },
      async () => [...deps.frameworks.values()].map((framework) => frameworkSummary(framework)),
    )
    app.get(
      '/api/frameworks/:frameworkId',
      {
        schema: {
          summary: 'One framework, whole',
          description:
            "The framework file as loaded (rubric/schema/framework.schema.json): levels, principles and phases of improvement areas with their checklist items; and, when the file has them, the framework's guidance word for word (introduction, purpose and use, roles with the RACI matrix, approaches, practical tips), the project's plain-English readings of items and its glossary. Public: the About page reads it without signing in.",
          params: frameworkParams,
          response: { 200: frameworkResponse, ...errorResponses },
        },
      },
      async (request) => {
        const framework = deps.frameworks.get(request.params.frameworkId)
        if (!framework) throw notFound(`There is no framework "${request.params.frameworkId}".`)
        return framework
      },
    )
  }
