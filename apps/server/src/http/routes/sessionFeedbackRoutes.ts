import {
  assessmentParams,
  errorResponses,
  feedbackAnswerBody,
  feedbackState,
  feedbackStored,
  feedbackSummary,
  sessionParams,
} from '@co-assess/api-contract'
import { readGroups, readPeople } from '@co-assess/board-model'
import { ConflictError } from '@co-assess/storage'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type * as Y from 'yjs'
import { redactionFor } from '../../reports/redaction.ts'
import { createFeedbackMarker } from '../../sessionFeedback/feedbackMarker.ts'
import { readFeedbackSummary } from '../../sessionFeedback/readFeedbackSummary.ts'
import { whoMayAnswer } from '../../sessionFeedback/whoMayAnswer.ts'
import type { AppDeps } from '../appDeps.ts'
import { conflict, forbidden, notFound } from '../httpError.ts'

const refusal = { 403: forbidden, 404: notFound, 409: conflict } as const
/**
 * "Did you feel heard?": a person who took part answers once for each session they attended, after
 * it ends, and the chair reads the answers by session and group with small numbers suppressed. The
 * answers live in the store, not on the board, because everyone on the board can read the board.
 */
export const sessionFeedbackRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage
    const markerOf = await createFeedbackMarker(metadata)

    async function withBoard<T>(assessmentId: string, read: (doc: Y.Doc) => T): Promise<T> {
      if (!(await metadata.getAssessment(assessmentId))) throw notFound('That assessment does not exist.')
      const connection = await deps.hocuspocus.openDirectConnection(assessmentId)
      try {
        return read(connection.document!)
      } finally {
        await connection.disconnect()
      }
    }
    const respondent = async (assessmentId: string, personId: string, sessionId: string) => {
      return withBoard(assessmentId, (doc) => {
        const verdict = whoMayAnswer(doc, personId, sessionId)
        // Names of people on the board now are turned into their group before an answer is stored.
        const redact = redactionFor('chair', { people: readPeople(doc).values(), groups: readGroups(doc) })
        return { verdict, text: redact.text }
      })
    }

    app.get(
      '/api/assessments/:assessmentId/sessions/:sessionId/feedback/mine',
      {
        onRequest: deps.auth.personFirst(),
        schema: {
          summary: 'Whether you may answer "Did you feel heard?" for this session, and whether you have',
          params: sessionParams,
          response: {
            200: feedbackState,
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { assessmentId, sessionId } = request.params
        const claims = await deps.auth.person(request, assessmentId)
        const { verdict } = await respondent(assessmentId, claims.personId, sessionId)
        reply.header('cache-control', 'no-store')
        if (!verdict.ok) return { canAnswer: false, answered: false, reason: verdict.message }
        const answered = await metadata.hasSessionFeedbackMarker(
          assessmentId,
          markerOf(assessmentId, sessionId, verdict.respondentId),
        )
        return { canAnswer: !answered, answered, reason: null }
      },
    )

    app.post(
      '/api/assessments/:assessmentId/sessions/:sessionId/feedback',
      {
        onRequest: deps.auth.personFirst(['participant', 'chair']),
        schema: {
          summary:
            'Answer "Did you feel heard?" for a session you attended, once: stored with your group and the session, never who you are',
          params: sessionParams,
          body: feedbackAnswerBody,
          response: { 201: feedbackStored, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { assessmentId, sessionId } = request.params
        const claims = await deps.auth.person(request, assessmentId, ['participant', 'chair'])
        const { verdict, text } = await respondent(assessmentId, claims.personId, sessionId)
        if (!verdict.ok) throw refusal[verdict.status](verdict.message)
        const help = request.body.help ? text(request.body.help) : null
        try {
          await metadata.addSessionFeedback(
            assessmentId,
            markerOf(assessmentId, sessionId, verdict.respondentId),
            {
              sessionId,
              group: verdict.group,
              heard: request.body.heard,
              spoke: request.body.spoke,
              help,
            },
          )
        } catch (error) {
          if (error instanceof ConflictError)
            throw conflict('You have already answered for this session. Thank you.')
          throw error
        }
        return reply.status(201).send({ stored: true as const })
      },
    )

    app.get(
      '/api/assessments/:assessmentId/feedback',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            '"Did you feel heard?" by session and group (chair): a group with fewer answers than the small-number threshold shows no answers',
          params: assessmentParams,
          response: { 200: feedbackSummary, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        const summary = await readFeedbackSummary(deps, assessmentId)
        reply.header('cache-control', 'no-store')
        return summary
      },
    )
  }
