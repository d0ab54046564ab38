import {
  adminKeyHeaders,
  anonymousNameResponse,
  assessmentDetail,
  assessmentParams,
  createAssessmentBody,
  createdAssessment,
  createInviteBody,
  errorResponses,
  inviteListResponse,
  inviteParams,
  inviteSummary,
  issuedInvite,
} from '@co-assess/api-contract'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { groupsOf } from '../../assessments/assessmentGroups.ts'
import { createAssessment } from '../../assessments/createAssessment.ts'
import { createInvite, publicInvite } from '../../assessments/createInvite.ts'
import { inviteGroups } from '../../assessments/inviteGroups.ts'
import type { AppDeps } from '../appDeps.ts'
import { badRequest, notFound } from '../httpError.ts'

export const assessmentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage

    app.post(
      '/api/assessments',
      {
        // Sign-in first (see RequestAuth.adminFirst): without the key, a 401 before any field is read.
        onRequest: deps.auth.adminFirst,
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary: 'Create an assessment (admin key); the creator gets a chair invite',
          headers: adminKeyHeaders,
          body: createAssessmentBody,
          response: { 201: createdAssessment, ...errorResponses },
        },
      },
      async (request, reply) => {
        await deps.auth.admin(request)
        if (request.body.organisationId && !(await metadata.getOrganisation(request.body.organisationId)))
          throw badRequest('The organisation named does not exist.')
        const framework = deps.frameworks.get(request.body.frameworkId)
        if (!framework) {
          throw badRequest(
            `There is no framework "${request.body.frameworkId}". Choose one of: ${[...deps.frameworks.keys()].join(', ')}.`,
          )
        }
        if (
          request.body.previousAssessmentId &&
          !(await metadata.getAssessment(request.body.previousAssessmentId))
        ) {
          throw badRequest('The previous assessment named does not exist.')
        }
        const created = await createAssessment(
          { metadata, hocuspocus: deps.hocuspocus, flush: deps.flush },
          framework,
          request.body,
        )
        return reply.status(201).send(created)
      },
    )

    app.get(
      '/api/assessments/:assessmentId/me/anonymous-name',
      {
        schema: {
          summary:
            'The name your comments posted without your name go under on this board: only you are told it',
          params: assessmentParams,
          response: { 200: anonymousNameResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        const claims = await deps.auth.person(request, assessmentId)
        reply.header('cache-control', 'no-store')
        return { alias: deps.tokens.alias(assessmentId, claims.personId) }
      },
    )

    app.get(
      '/api/assessments/:assessmentId',
      {
        schema: {
          summary: 'An assessment and who is taking part',
          params: assessmentParams,
          response: { 200: assessmentDetail, ...errorResponses },
        },
      },
      async (request) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId)
        const assessment = await metadata.getAssessment(assessmentId)
        if (!assessment) throw notFound('That assessment does not exist.')
        const participants = (await metadata.listParticipants(assessmentId)).map((p) => ({
          id: p.id,
          displayName: p.displayName,
          organisation: p.organisation,
          group: p.group,
          role: p.role,
          joinedAt: p.joinedAt,
        }))
        return { assessment: { ...assessment, groups: groupsOf(assessment) }, participants }
      },
    )

    app.post(
      '/api/assessments/:assessmentId/invites',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary: 'Make an invite link for a role (chair)',
          params: assessmentParams,
          body: createInviteBody,
          response: { 201: issuedInvite, ...errorResponses },
        },
      },
      async (request, reply) => {
        const claims = await deps.auth.person(request, request.params.assessmentId, ['chair'])
        const groups = await inviteGroups(
          metadata,
          request.params.assessmentId,
          request.body.role,
          request.body.groups,
        )
        const invite = await createInvite(metadata, {
          assessmentId: request.params.assessmentId,
          role: request.body.role,
          expiresInDays: request.body.expiresInDays,
          createdBy: claims.personId,
          groups,
        })
        return reply.status(201).send(invite)
      },
    )

    app.get(
      '/api/assessments/:assessmentId/invites',
      {
        schema: {
          summary: 'The invites of an assessment, without their tokens (chair)',
          params: assessmentParams,
          response: { 200: inviteListResponse, ...errorResponses },
        },
      },
      async (request) => {
        await deps.auth.person(request, request.params.assessmentId, ['chair'])
        return (await metadata.listInvites(request.params.assessmentId)).map(publicInvite)
      },
    )

    app.delete(
      '/api/assessments/:assessmentId/invites/:inviteId',
      {
        schema: {
          summary: 'Withdraw an invite; people who joined with it are signed out (chair)',
          params: inviteParams,
          response: { 200: inviteSummary, ...errorResponses },
        },
      },
      async (request) => {
        const claims = await deps.auth.person(request, request.params.assessmentId, ['chair'])
        const invite = await metadata.getInvite(request.params.inviteId)
        if (!invite || invite.assessmentId !== request.params.assessmentId)
          throw notFound('That invite does not exist.')
        if (invite.id === claims.inviteId) throw badRequest('You cannot withdraw the invite you joined with.')
        const revoked = invite.revokedAt
          ? invite
          : await metadata.revokeInvite(invite.id, new Date().toISOString())
        // Withdrawn means out now, not at the next reconnect: close the live connections too.
        deps.closeInviteConnections(invite.id)
        return publicInvite(revoked)
      },
    )
  }
