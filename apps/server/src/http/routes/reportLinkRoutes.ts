import { errorResponses, reportLinks, smallNumbersBody, smallNumbersResponse } from '@co-assess/api-contract'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDeps } from '../appDeps.ts'
import { assessmentParams, type ReportContext } from '../reportContext.ts'

/** Report links (a short-lived `?access=`) and the small-number threshold every output applies. */
export const reportLinkRoutes =
  (deps: AppDeps, reports: ReportContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/assessments/:assessmentId/report-links',
      {
        onRequest: deps.auth.personFirst(['chair', 'participant']),
        schema: {
          summary:
            'A short-lived ?access= token, so a browser can open the report as a plain link (chair, participant)',
          params: assessmentParams,
          response: { 201: reportLinks, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        const claims = await deps.auth.person(request, assessmentId, ['chair', 'participant'])
        const { token, expiresAt } = await reports.links.issue({
          personId: claims.personId,
          assessmentId,
          inviteId: claims.inviteId,
          role: claims.role,
        })
        const base = `/api/assessments/${assessmentId}`
        const q = `?access=${token}`
        return reply.status(201).send({
          access: token,
          expiresAt,
          links: {
            report: `${base}/report${q}`,
            docx: `${base}/report.docx${q}`,
            markdown: `${base}/report.md${q}`,
            itemsCsv: `${base}/report/items.csv${q}`,
            actionsCsv: `${base}/report/actions.csv${q}`,
            evidenceCsv: `${base}/report/evidence.csv${q}`,
            comparison: `${base}/comparison${q}`,
            ...(claims.role === 'chair'
              ? {
                  reportWithNames: `${base}/report${q}&names=1`,
                  exportJson: `${base}/report/export.json${q}`,
                }
              : {}),
          },
        })
      },
    )

    app.put(
      '/api/assessments/:assessmentId/small-numbers',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'Counts of people below this threshold read "fewer than N" in every output but the chair\'s report (chair)',
          params: assessmentParams,
          body: smallNumbersBody,
          response: { 200: smallNumbersResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        await reports.assessmentOf(assessmentId)
        await reports.setSmallNumberThreshold(assessmentId, request.body.threshold)
        return { threshold: request.body.threshold }
      },
    )
  }
