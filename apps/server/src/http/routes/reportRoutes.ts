import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDeps } from '../appDeps.ts'
import { createReportContext } from '../reportContext.ts'
import { comparisonRoutes } from './comparisonRoutes.ts'
import { csvRoutes } from './csvRoutes.ts'
import { exportImportRoutes } from './exportImportRoutes.ts'
import { publicationRoutes } from './publicationRoutes.ts'
import { reassessRoutes } from './reassessRoutes.ts'
import { reportDownloadRoutes } from './reportDownloadRoutes.ts'
import { reportLinkRoutes } from './reportLinkRoutes.ts'

/**
 * Everything read out of a board, one concern per file; they share who may read and the board to read
 * (`../reportContext.ts`). Add a new output's routes in a file of their own and register it here.
 */
export const reportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const reports = await createReportContext(deps)
    await app.register(reportDownloadRoutes(reports))
    await app.register(csvRoutes(reports))
    await app.register(reportLinkRoutes(deps, reports))
    await app.register(publicationRoutes(deps, reports))
    await app.register(comparisonRoutes(reports))
    await app.register(reassessRoutes(deps, reports))
    await app.register(exportImportRoutes(deps, reports))
  }
