import { errorResponses, nonJson } from '@co-assess/api-contract'
import { readPeople } from '@co-assess/board-model'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { audienceOf } from '../../reports/audience.ts'
import { redactionFor } from '../../reports/redaction.ts'
import { buildComparison, renderComparison } from '../../reports/renderComparison.ts'
import { notFound } from '../httpError.ts'
import { page } from '../replies.ts'
import { accessQuery, assessmentParams, type ReportContext } from '../reportContext.ts'

/** Then and now: an assessment against the one it followed. */
export const comparisonRoutes =
  (reports: ReportContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { assessmentOf, withBoard } = reports

    app.get(
      '/api/assessments/:assessmentId/comparison',
      {
        schema: {
          summary: 'Then and now: this assessment against the one it followed, as a page',
          params: assessmentParams,
          querystring: accessQuery,
          response: { 200: nonJson('text/html', 'The comparison page'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        const who = await reports.reader(request, assessmentId, request.query.access)
        const current = await assessmentOf(assessmentId)
        if (!current.previousAssessmentId)
          throw notFound(
            'This assessment does not follow an earlier one, so there is nothing to compare it with.',
          )
        const previous = await assessmentOf(current.previousAssessmentId)
        const framework = reports.frameworkOf(current)
        const threshold = await reports.smallNumberThreshold(current.id)
        const comparison = await withBoard(previous.id, (before) =>
          withBoard(current.id, (after) =>
            buildComparison(
              framework,
              { doc: before, title: previous.title, createdAt: previous.createdAt },
              { doc: after, title: current.title, createdAt: current.createdAt },
              // Actions carried forward keep words written on the earlier board, so both boards' people are known.
              // A comparison travels (it goes to boards and partners): small numbers are suppressed in it.
              redactionFor(audienceOf(who.role), {
                people: [...readPeople(before).values(), ...readPeople(after).values()],
                threshold,
                travels: true,
              }),
            ),
          ),
        )
        return page(reply, 200, renderComparison(comparison))
      },
    )
  }
