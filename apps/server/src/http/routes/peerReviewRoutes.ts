import { assessmentParams, errorResponses, reviewReply } from '@co-assess/api-contract'
import { setPeerReviewClosed } from '@co-assess/board-model'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { serverWrite } from '../../sync/serverWrite.ts'
import type { AppDeps } from '../appDeps.ts'
import { notFound } from '../httpError.ts'

/**
 * Closing and reopening the peer review (chair only, checked from the verified token). The board's
 * `meta.reviewClosedAt`, which the write rules read, and the log of who did it and when
 * (records/peerReviewLog.ts) change in one server write; the assessment's record keeps the time too.
 */
export const peerReviewRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage
    const change = async (request: FastifyRequest, assessmentId: string, closed: boolean) => {
      const chair = await deps.auth.person(request, assessmentId, ['chair'])
      if (!(await metadata.getAssessment(assessmentId))) throw notFound('That assessment does not exist.')
      const at = new Date()
      const changed = await serverWrite(deps.hocuspocus, assessmentId, (doc) =>
        setPeerReviewClosed(doc, closed, chair.personId, at.getTime()),
      )
      await deps.flush(assessmentId)
      if (!changed) {
        const current = await metadata.getAssessment(assessmentId)
        return { reviewClosedAt: current?.reviewClosedAt ?? null, changed }
      }
      const record = await metadata.updateAssessment(assessmentId, {
        reviewClosedAt: closed ? at.toISOString() : null,
      })
      return { reviewClosedAt: record.reviewClosedAt, changed }
    }

    app.post(
      '/api/assessments/:assessmentId/review/close',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary: 'Close the peer review: reviewers keep reading but no longer write (chair)',
          params: assessmentParams,
          response: { 200: reviewReply, ...errorResponses },
        },
      },
      async (request) => change(request, request.params.assessmentId, true),
    )

    app.post(
      '/api/assessments/:assessmentId/review/reopen',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary: 'Reopen a closed peer review: reviewers can comment and suggest levels again (chair)',
          params: assessmentParams,
          response: { 200: reviewReply, ...errorResponses },
        },
      },
      async (request) => change(request, request.params.assessmentId, false),
    )
  }
