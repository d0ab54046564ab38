import { errorResponses, reassessBody, reassessment } from '@co-assess/api-contract'
import {
  carryEvidence,
  carryForward,
  readActions,
  readAgreedLevels,
  readEvidence,
  readSessions,
} from '@co-assess/board-model'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { createAssessment } from '../../assessments/createAssessment.ts'
import type { AppDeps } from '../appDeps.ts'
import { assessmentParams, type ReportContext } from '../reportContext.ts'

/** Assessing the workstream again, with open actions and evidence carried forward. */
export const reassessRoutes =
  (deps: AppDeps, reports: ReportContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/assessments/:assessmentId/reassess',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'Assess the workstream again: same framework, no ticks, open actions carried forward (chair)',
          params: assessmentParams,
          body: reassessBody,
          response: { 201: reassessment, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        const previous = await reports.assessmentOf(assessmentId)
        const framework = reports.frameworkOf(previous)
        const { actions, sessions, evidence, agreed } = await reports.withBoard(assessmentId, (doc) => ({
          actions: readActions(doc),
          sessions: readSessions(doc),
          evidence: readEvidence(doc),
          agreed: readAgreedLevels(doc),
        }))
        let carried = 0
        const created = await createAssessment(
          { metadata: deps.storage.metadata, hocuspocus: deps.hocuspocus, flush: deps.flush },
          framework,
          {
            title: request.body?.title ?? `${previous.title} (re-assessment)`.slice(0, 200),
            frameworkId: framework.id,
            scope: previous.scope,
            workstream: previous.workstream,
            previousAssessmentId: assessmentId,
            // The same room, so the same groups.
            ...(previous.groups ? { groups: previous.groups } : {}),
          },
          (doc) => {
            carried = carryForward(doc, { assessment: previous, actions, sessions })
            carryEvidence(doc, { assessment: previous, evidence, agreed, actions })
          },
        )
        return reply.status(201).send({ ...created, carriedForward: carried })
      },
    )
  }
