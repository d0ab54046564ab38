import {
  acceptStaffLinkBody,
  callbackQuery,
  errorResponses,
  noContent,
  redirect,
  signInOptions,
  signInQuery,
  staffLinkInfo,
  staffLinkParams,
  staffMe,
  staffView,
} from '@co-assess/api-contract'
import type { StaffRecord } from '@co-assess/storage'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { StaffDeps } from '../../staff/staffDeps.ts'
import { acceptStaffInvite, findLiveStaffInvite } from '../../staff/staffInvites.ts'
import { PENDING_COOKIE, STAFF_COOKIE, STAFF_SESSION_SECONDS } from '../../staff/staffSessions.ts'
import type { AppDeps } from '../appDeps.ts'
import { badRequest, HttpError, notFound } from '../httpError.ts'

/** What a member of staff is told about themselves: never their provider identity. */
const viewOf = (s: StaffRecord) => ({
  id: s.id,
  name: s.name,
  role: s.role,
  organisationId: s.organisationId,
})

/** Staff sign-in: through the configured OpenID Connect provider, or by a staff link with a name when there is none. */
export const staffRoutes =
  (deps: AppDeps, staff: StaffDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage
    // Secure cookies whenever the board is served over https (directly or, as configured, behind a proxy).
    const secure = (request: FastifyRequest) =>
      request.protocol === 'https' || (deps.config.publicUrl?.startsWith('https:') ?? false)

    const startSession = async (request: FastifyRequest, reply: FastifyReply, staffId: string) => {
      reply.setCookie(STAFF_COOKIE, await staff.sessions.issue(staffId), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request),
        maxAge: STAFF_SESSION_SECONDS,
      })
    }

    app.get(
      '/api/staff/sign-in-options',
      {
        schema: {
          summary: 'How staff sign in here: through an OpenID Connect provider, or by staff link',
          response: { 200: signInOptions, ...errorResponses },
        },
      },
      async () => ({ provider: staff.oidc !== null }),
    )

    app.get(
      '/api/staff/sign-in',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary:
            "Sends the browser to the organisation's sign-in (OpenID Connect); with a staff link's token, that link is used on return",
          querystring: signInQuery,
          response: {
            302: redirect("The organisation's sign-in page, or the staff page saying the link is used"),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        if (!staff.oidc) throw notFound('Sign-in through a provider is not set up here: use your staff link.')
        // A browser follows this link: a used or expired staff link goes to a page that says so, not JSON.
        if (request.query.invite) {
          try {
            await findLiveStaffInvite(metadata, request.query.invite)
          } catch (error) {
            if (error instanceof HttpError) return reply.redirect('/staff?problem=link-used', 302)
            throw error
          }
        }
        const { url, pending } = await staff.oidc.start()
        reply.setCookie(
          PENDING_COOKIE,
          await staff.sessions.issuePending(pending, request.query.invite ?? null),
          {
            path: '/api/staff',
            httpOnly: true,
            // Lax: the provider's redirect back is a top-level GET, which carries it; nothing cross-site posts it.
            sameSite: 'lax',
            secure: secure(request),
            maxAge: 600,
          },
        )
        return reply.redirect(url, 302)
      },
    )

    app.get(
      '/api/staff/callback',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary: 'Where the provider sends the browser back after sign-in; starts a staff session',
          querystring: callbackQuery,
          response: {
            302: redirect('The staff page, signed in or saying what went wrong'),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        reply.clearCookie(PENDING_COOKIE, { path: '/api/staff' })
        const problem = (code: string) => reply.redirect(`/staff?problem=${code}`, 302)
        if (!staff.oidc) return problem('no-provider')
        const pending = await staff.sessions.verifyPending(request.cookies[PENDING_COOKIE])
        if (!pending) return problem('expired')
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
        let identity: Awaited<ReturnType<NonNullable<StaffDeps['oidc']>['finish']>>
        try {
          identity = await staff.oidc.finish(query, pending)
        } catch (error) {
          request.log.warn({ err: error }, 'staff sign-in failed')
          return problem('failed')
        }
        let found = await metadata.findStaffByIdentity(identity.issuer, identity.subject)
        if (!found && pending.invite) {
          try {
            found = await acceptStaffInvite(metadata, pending.invite, {
              name: identity.name,
              identity: { issuer: identity.issuer, subject: identity.subject },
            })
          } catch (error) {
            if (error instanceof HttpError) return problem('link-used')
            throw error
          }
        }
        if (!found) return problem('not-invited')
        await startSession(request, reply, found.id)
        return reply.redirect('/staff', 302)
      },
    )

    app.get(
      '/api/staff/join/:token',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          summary: 'What a staff link is for, before using it',
          params: staffLinkParams,
          response: { 200: staffLinkInfo, ...errorResponses },
        },
      },
      async (request) => {
        const invite = await findLiveStaffInvite(metadata, request.params.token)
        const organisation = await metadata.getOrganisation(invite.organisationId)
        if (!organisation) throw notFound('The organisation for this link no longer exists.')
        return { organisation: { name: organisation.name }, role: invite.role, provider: staff.oidc !== null }
      },
    )

    app.post(
      '/api/staff/join/:token',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary:
            'Use a staff link with your name (only where no sign-in provider is set up); starts a staff session',
          params: staffLinkParams,
          body: acceptStaffLinkBody,
          response: { 201: staffView, ...errorResponses },
        },
      },
      async (request, reply) => {
        // With a provider, staff must prove who they are through it; a name alone would do for anyone.
        if (staff.oidc) throw badRequest('Sign in with your organisation account to use this link.')
        const made = await acceptStaffInvite(metadata, request.params.token, {
          name: request.body.name,
          identity: null,
        })
        await startSession(request, reply, made.id)
        return reply.status(201).send(viewOf(made))
      },
    )

    app.get(
      '/api/staff/me',
      {
        schema: {
          summary: 'Who is signed in as staff, and their organisation',
          response: { 200: staffMe, ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await staff.auth.staff(request)
        const organisation = await metadata.getOrganisation(who.organisationId)
        if (!organisation) throw notFound('Your organisation no longer exists.')
        reply.header('cache-control', 'no-store')
        return {
          staff: viewOf(who),
          organisation: { id: organisation.id, name: organisation.name, places: organisation.places },
        }
      },
    )

    app.post(
      '/api/staff/sign-out',
      {
        schema: {
          summary: 'Ends the staff session on this browser',
          response: { 204: noContent('Signed out'), ...errorResponses },
        },
      },
      async (_request, reply) => {
        reply.clearCookie(STAFF_COOKIE, { path: '/' })
        return reply.status(204).send(null)
      },
    )
  }
