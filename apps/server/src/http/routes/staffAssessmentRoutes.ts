import {
  errorResponses,
  joinResult,
  organisationParams,
  planBody,
  plannedAssessment,
  staffAssessmentParams,
  staffReassessBody,
  staffReassessment,
} from '@co-assess/api-contract'
import type { AssessmentRecord } from '@co-assess/storage'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { createAssessment } from '../../assessments/createAssessment.ts'
import { chairSession } from '../../staff/chairSession.ts'
import type { StaffDeps } from '../../staff/staffDeps.ts'
import type { AppDeps } from '../appDeps.ts'
import { badRequest, notFound } from '../httpError.ts'

const LEADS = ['administrator', 'lead'] as const

/**
 * What an organisation's leads do with its assessments: set one up, chair it without an invite,
 * assess it again. Another organisation's assessment answers 404, as one that does not exist.
 */
export const staffAssessmentRoutes =
  (deps: AppDeps, staff: StaffDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage

    const frameworkOf = (assessment: AssessmentRecord) => {
      const framework = deps.frameworks.get(assessment.frameworkId)
      if (!framework) throw notFound(`The framework ${assessment.frameworkId} is not installed here.`)
      return framework
    }

    app.post(
      '/api/organisations/:organisationId/assessments',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary:
            'Set up an assessment: framework, scope, Place, horizon and session dates; the lead who makes it is its chair (a lead or administrator)',
          params: organisationParams,
          body: planBody,
          response: { 201: plannedAssessment, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params
        const who = await staff.auth.ofOrganisation(request, organisationId, LEADS)
        const organisation = await metadata.getOrganisation(organisationId)
        if (!organisation) throw notFound('There is no such organisation.')
        const body = request.body
        const framework = deps.frameworks.get(body.frameworkId)
        if (!framework)
          throw badRequest(
            `There is no framework "${body.frameworkId}". Choose one of: ${[...deps.frameworks.keys()].join(', ')}.`,
          )
        const known = framework.phases.flatMap((phase) => phase.areas.map((area) => area.id))
        const unknown = body.areaIds.filter((id) => !known.includes(id))
        if (unknown.length > 0)
          throw badRequest(`${framework.title} has no area ${unknown.join(', ')}. Choose from its areas.`)
        if (body.place !== null && !organisation.places.includes(body.place))
          throw badRequest(`${organisation.name} has no Place called "${body.place}".`)
        const created = await createAssessment(
          { metadata, hocuspocus: deps.hocuspocus, flush: deps.flush },
          framework,
          {
            title: body.title,
            frameworkId: framework.id,
            scope: body.scope,
            workstream: body.workstream,
            organisationId,
            plan: {
              place: body.place,
              areaIds: known.filter((id) => body.areaIds.includes(id)),
              horizon: body.horizon,
              sessionDates: [...new Set(body.sessionDates)].sort(),
            },
            ...(body.groups ? { groups: body.groups } : {}),
          },
        )
        const chair = await chairSession(deps, created.assessment.id, who, organisation.name)
        return reply.status(201).send({ assessment: created.assessment, chair })
      },
    )

    app.post(
      '/api/staff/assessments/:assessmentId/chair',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary:
            "Open one of your organisation's assessments as its chair, without an invite (a lead or administrator)",
          params: staffAssessmentParams,
          response: { 201: joinResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { who, assessment } = await staff.auth.assessment(request, request.params.assessmentId, LEADS)
        const organisation = await metadata.getOrganisation(who.organisationId)
        const chair = await chairSession(deps, assessment.id, who, organisation?.name ?? '')
        return reply.status(201).send(chair)
      },
    )

    app.post(
      '/api/staff/assessments/:assessmentId/reassess',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary:
            'Assess the workstream again with the same scope, carrying forward open actions and evidence; you chair it (a lead or administrator)',
          params: staffAssessmentParams,
          body: staffReassessBody,
          response: { 201: staffReassessment, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { who, assessment } = await staff.auth.assessment(request, request.params.assessmentId, LEADS)
        const organisation = await metadata.getOrganisation(who.organisationId)
        // A framework no longer installed cannot carry anything forward: say so before making anything.
        frameworkOf(assessment)
        // The chair's re-assessment route holds what is carried forward; the lead asks it as the
        // earlier board's chair, so there is one way to re-assess and one set of rules for it.
        const earlier = await chairSession(deps, assessment.id, who, organisation?.name ?? '')
        const answer = await app.inject({
          method: 'POST',
          url: `/api/assessments/${assessment.id}/reassess`,
          headers: { authorization: `Bearer ${earlier.token}` },
          payload: request.body ?? {},
        })
        if (answer.statusCode !== 201) return reply.status(answer.statusCode).send(answer.json())
        const made = answer.json() as { assessment: AssessmentRecord; carriedForward: number }
        const chair = await chairSession(deps, made.assessment.id, who, organisation?.name ?? '')
        return reply
          .status(201)
          .send({ assessment: made.assessment, carriedForward: made.carriedForward, chair })
      },
    )
  }
