import { stakeholderGroupSchema } from '@co-assess/board-model'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { groupChoices } from '../../assessments/assessmentGroups.ts'
import { findLiveInvite, joinWithInvite } from '../../assessments/joinWithInvite.ts'
import { TokenError } from '../../auth/tokens.ts'
import type { AppDeps } from '../appDeps.ts'
import { inviteTokenParam, personText } from '../fieldSchemas.ts'
import { notFound, unauthorized } from '../httpError.ts'

const inviteParams = z.object({ token: inviteTokenParam })

export const inviteRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage

    app.get(
      '/api/invites/:token',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { summary: 'What an invite link is for, before joining', params: inviteParams },
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
          params: inviteParams,
          body: z.strictObject({
            displayName: personText('Your name', 80),
            organisation: personText('Organisation', 120),
            // Checked against the invite's choices in joiningGroup: an observer or peer reviewer sends none.
            group: stakeholderGroupSchema.nullable().optional(),
          }),
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
          body: z.strictObject({ refreshToken: z.string().max(4096) }),
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
