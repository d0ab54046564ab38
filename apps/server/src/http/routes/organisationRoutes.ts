import {
  adminKeyHeaders,
  createOrganisationBody,
  errorResponses,
  organisationParams,
  organisation as organisationResponse,
  staffInviteBody,
  staffInviteIssued,
  staffList,
  updateOrganisationBody,
} from '@co-assess/api-contract'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { nanoid } from 'nanoid'
import type { StaffDeps } from '../../staff/staffDeps.ts'
import { createStaffInvite } from '../../staff/staffInvites.ts'
import type { AppDeps } from '../appDeps.ts'
import { notFound } from '../httpError.ts'

/** Organisations and their staff: making and renaming one, inviting staff, listing them. */
export const organisationRoutes =
  (deps: AppDeps, staff: StaffDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage

    app.post(
      '/api/organisations',
      {
        onRequest: deps.auth.adminFirst,
        schema: {
          summary: 'Create an organisation (an ICS) with its Places (admin key)',
          headers: adminKeyHeaders,
          body: createOrganisationBody,
          response: { 201: organisationResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        await deps.auth.admin(request)
        const organisation = {
          id: nanoid(16),
          name: request.body.name,
          places: request.body.places,
          createdAt: new Date().toISOString(),
        }
        await metadata.createOrganisation(organisation)
        return reply.status(201).send(organisation)
      },
    )

    app.put(
      '/api/organisations/:organisationId',
      {
        schema: {
          summary: "Rename an organisation and set its Places (the organisation's administrator)",
          params: organisationParams,
          body: updateOrganisationBody,
          response: { 200: organisationResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { organisationId } = request.params
        await staff.auth.ofOrganisation(request, organisationId, ['administrator'])
        return metadata.updateOrganisation(organisationId, request.body)
      },
    )

    app.post(
      '/api/organisations/:organisationId/staff-invites',
      {
        schema: {
          summary:
            "A one-use link that makes someone staff with a role (the organisation's administrator, or the admin key)",
          headers: adminKeyHeaders,
          params: organisationParams,
          body: staffInviteBody,
          response: { 201: staffInviteIssued, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params
        let createdBy: string | null = null
        // Automation holds the admin key; people sign in.
        if (request.headers.authorization) await deps.auth.admin(request)
        else createdBy = (await staff.auth.ofOrganisation(request, organisationId, ['administrator'])).id
        if (!(await metadata.getOrganisation(organisationId)))
          throw notFound('There is no such organisation.')
        const { token, invite } = await createStaffInvite(metadata, {
          organisationId,
          role: request.body.role,
          createdBy,
        })
        return reply
          .status(201)
          .send({ token, path: `/staff/join/${token}`, role: invite.role, expiresAt: invite.expiresAt })
      },
    )

    app.get(
      '/api/organisations/:organisationId/staff',
      {
        schema: {
          summary: "The organisation's staff and their roles (its administrator)",
          params: organisationParams,
          response: { 200: staffList, ...errorResponses },
        },
      },
      async (request) => {
        const { organisationId } = request.params
        await staff.auth.ofOrganisation(request, organisationId, ['administrator'])
        return (await metadata.listStaff(organisationId)).map((s) => ({
          id: s.id,
          name: s.name,
          role: s.role,
          signsInWithProvider: s.identity !== null,
        }))
      },
    )
  }
