import { errorResponses, nonJson } from '@co-assess/api-contract'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { renderDocx } from '../../reports/renderDocx.ts'
import { renderMarkdown } from '../../reports/renderMarkdown.ts'
import { renderReportHtml } from '../../reports/renderReportHtml.ts'
import { download, page } from '../replies.ts'
import { assessmentParams, type ReportContext, readQuery } from '../reportContext.ts'
import { reportFileName } from '../reportFileName.ts'

const readRoute = { params: assessmentParams, querystring: readQuery }
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The report for the reader: as a page, a Word document and Markdown. */
export const reportDownloadRoutes =
  (reports: ReportContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/assessments/:assessmentId/report',
      {
        schema: {
          summary: 'The assessment report as an accessible, printable page',
          ...readRoute,
          response: { 200: nonJson('text/html', 'The report page'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const model = await reports.reportModel(request, request.params.assessmentId, request.query)
        return page(reply, 200, renderReportHtml(model))
      },
    )

    app.get(
      '/api/assessments/:assessmentId/report.docx',
      {
        schema: {
          summary: 'The report as a Word document',
          ...readRoute,
          response: { 200: nonJson(DOCX, 'The report as a Word document'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const model = await reports.reportModel(request, request.params.assessmentId, request.query)
        return download(
          reply,
          DOCX,
          reportFileName('report', model.assessment.title, 'docx'),
          await renderDocx(model),
        )
      },
    )

    app.get(
      '/api/assessments/:assessmentId/report.md',
      {
        schema: {
          summary: 'The report as Markdown',
          ...readRoute,
          response: { 200: nonJson('text/markdown', 'The report as Markdown'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const model = await reports.reportModel(request, request.params.assessmentId, request.query)
        return download(
          reply,
          'text/markdown; charset=utf-8',
          reportFileName('report', model.assessment.title, 'md'),
          renderMarkdown(model),
        )
      },
    )
  }
