import {
  accessToken,
  errorResponses,
  inviteInfo,
  inviteTokenParams,
  joinBody,
  joinResult,
  refreshBody,
} from '@co-assess/api-contract'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { groupChoices } from '../../assessments/assessmentGroups.ts'
import { findLiveInvite, joinWithInvite } from '../../assessments/joinWithInvite.ts'
import { TokenError } from '../../auth/tokens.ts'
import type { AppDeps } from '../appDeps.ts'
import { notFound, unauthorized } from '../httpError.ts'

export const inviteRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage

    app.get(
      '/api/invites/:token',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          summary: 'What an invite link is for, before joining',
          params: inviteTokenParams,
          response: { 200: inviteInfo, ...errorResponses },
        },
      },
      async (request) => {
        const invite = await findLiveInvite(metadata, request.params.token)
        const assessment = await metadata.getAssessment(invite.assessmentId)
        if (!assessment) throw notFound('The assessment for this invite no longer exists.')
        return {
          role: invite.role,
          expiresAt: invite.expiresAt,
          assessment: { id: assessment.id, title: assessment.title, workstream: assessment.workstream },
          // The groups the join page offers: none means the person joins with no group.
          groups: groupChoices(invite, assessment),
          // How long what they give is kept, for the join page to say: null is until the chair deletes it.
          retentionDays: assessment.retentionDays ?? null,
        }
      },
    )

    app.post(
      '/api/invites/:token/join',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary: 'Join with an invite: returns a short-lived token for the board',
          params: inviteTokenParams,
          // The group is checked against the invite's choices in joiningGroup.
          body: joinBody,
          response: { 201: joinResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        const joined = await joinWithInvite(
          { metadata, hocuspocus: deps.hocuspocus, tokens: deps.tokens, flush: deps.flush },
          request.params.token,
          request.body,
        )
        return reply.status(201).send(joined)
      },
    )

    app.post(
      '/api/auth/refresh',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          summary: 'A fresh short-lived token from a refresh token',
          body: refreshBody,
          response: { 200: accessToken, ...errorResponses },
        },
      },
      async (request) => {
        let claims: Awaited<ReturnType<typeof deps.tokens.verify>>
        try {
          claims = await deps.tokens.verify(request.body.refreshToken, 'refresh')
        } catch (error) {
          if (error instanceof TokenError) throw unauthorized(error.message)
          throw error
        }
        const [invite, participant] = await Promise.all([
          metadata.getInvite(claims.inviteId),
          metadata.getParticipant(claims.personId),
        ])
        if (!invite || invite.revokedAt || !participant) {
          throw unauthorized('The invite you joined with has been withdrawn by the chair.')
        }
        return deps.tokens.issue(claims, 'access')
      },
    )
  }
