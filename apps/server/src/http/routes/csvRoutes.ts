import { errorResponses, nonJson } from '@co-assess/api-contract'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ReportModel } from '../../reports/buildReportModel.ts'
import { renderActionsCsv, renderEvidenceCsv, renderItemsCsv } from '../../reports/renderCsv.ts'
import { download } from '../replies.ts'
import { assessmentParams, type ReportContext, readQuery } from '../reportContext.ts'
import { reportFileName } from '../reportFileName.ts'

// Every CSV is the report model for the reader, as a file that travels: one route shape for all.
const csvRoutesTable: Array<[name: string, summary: string, render: (model: ReportModel) => string]> = [
  ['items', 'Checklist items and ticks as CSV (UTF-8 with BOM)', renderItemsCsv],
  ['actions', 'Actions as CSV (UTF-8 with BOM)', renderActionsCsv],
  [
    'evidence',
    'Evidence by area as CSV (UTF-8 with BOM); evidence not for sharing only in the chair’s copy',
    renderEvidenceCsv,
  ],
]

// What each file is called in a downloads folder ("Co-assess checklist items - <title> - <date>.csv").
const CSV_NAMES: Record<string, string> = {
  items: 'checklist items',
  actions: 'actions',
  evidence: 'evidence',
}

/** The report's tables as CSV files. */
export const csvRoutes =
  (reports: ReportContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const [name, summary, render] of csvRoutesTable) {
      app.get(
        `/api/assessments/:assessmentId/report/${name}.csv`,
        {
          schema: {
            summary,
            params: assessmentParams,
            querystring: readQuery,
            response: { 200: nonJson('text/csv', summary), ...errorResponses },
          },
        },
        async (request, reply) => {
          const model = await reports.reportModel(request, request.params.assessmentId, request.query, {
            travels: true,
          })
          return download(
            reply,
            'text/csv; charset=utf-8',
            reportFileName(CSV_NAMES[name] ?? name, model.assessment.title, 'csv'),
            render(model),
          )
        },
      )
    }
  }
