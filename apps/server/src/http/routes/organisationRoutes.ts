import { groupListSchema } from '@co-assess/board-model'
import type { AssessmentRecord } from '@co-assess/storage'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { z } from 'zod'
import { createAssessment } from '../../assessments/createAssessment.ts'
import { agreedLevelsOf, areasInScope, standingOf } from '../../staff/assessmentStanding.ts'
import { chairSession } from '../../staff/chairSession.ts'
import type { StaffDeps } from '../../staff/staffDeps.ts'
import { createStaffInvite } from '../../staff/staffInvites.ts'
import type { AppDeps } from '../appDeps.ts'
import { idParam, personText } from '../fieldSchemas.ts'
import { badRequest, notFound } from '../httpError.ts'

const organisationParams = z.object({ organisationId: idParam })
const staffAssessmentParams = z.object({ assessmentId: idParam })
const placesSchema = z.array(personText('Place', 120)).max(50, 'An organisation can have up to 50 Places')
const roleSchema = z.enum(['administrator', 'lead', 'member'], {
  error: 'Role must be "administrator", "lead" or "member"',
})
const LEADS = ['administrator', 'lead'] as const

const planBody = z.strictObject({
  title: personText('Title', 200),
  frameworkId: z.string().max(64),
  workstream: personText('Workstream', 200),
  place: personText('Place', 120).nullable(),
  areaIds: z
    .array(z.string().regex(/^[a-z0-9-]{1,16}$/, 'is not an area id'))
    .min(1, 'Choose at least one area to assess')
    .max(200),
  scope: z.enum(['strategic', 'operational'], { error: 'Scope must be "strategic" or "operational"' }),
  horizon: z.enum(['looking-back', 'looking-forward'], {
    error: 'Choose looking back or looking forward',
  }),
  sessionDates: z
    .array(z.iso.date('Session dates must be dates (YYYY-MM-DD)'))
    .max(20, 'Up to 20 session dates'),
  groups: groupListSchema.optional(),
})

/**
 * Organisations and what their staff do: the home page's list and history, setting up an assessment
 * and chairing it. Another organisation's assessment answers 404, as one that does not exist.
 */
export const organisationRoutes =
  (deps: AppDeps, staff: StaffDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage

    async function withBoard<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
      const connection = await deps.hocuspocus.openDirectConnection(name)
      try {
        return read(connection.document!)
      } finally {
        await connection.disconnect()
      }
    }

    const frameworkOf = (assessment: AssessmentRecord) => {
      const framework = deps.frameworks.get(assessment.frameworkId)
      if (!framework) throw notFound(`The framework ${assessment.frameworkId} is not installed here.`)
      return framework
    }

    app.post(
      '/api/organisations',
      {
        onRequest: deps.auth.adminFirst,
        schema: {
          summary: 'Create an organisation (an ICS) with its Places (admin key)',
          headers: z.object({ authorization: z.string().optional() }),
          body: z.strictObject({ name: personText('Name', 200), places: placesSchema.default([]) }),
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
          body: z.strictObject({ name: personText('Name', 200), places: placesSchema }),
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
          headers: z.object({ authorization: z.string().optional() }),
          params: organisationParams,
          body: z.strictObject({ role: roleSchema }),
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

    app.get(
      '/api/organisations/:organisationId/assessments',
      {
        schema: {
          summary: "The organisation's assessments and where each stands (its staff)",
          params: organisationParams,
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params
        await staff.auth.ofOrganisation(request, organisationId)
        const today = new Date().toISOString().slice(0, 10)
        const mine = (await metadata.listAssessments()).filter((a) => a.organisationId === organisationId)
        const rows = []
        for (const assessment of mine) {
          const framework = deps.frameworks.get(assessment.frameworkId)
          rows.push({
            id: assessment.id,
            title: assessment.title,
            workstream: assessment.workstream,
            frameworkId: assessment.frameworkId,
            createdAt: assessment.createdAt,
            previousAssessmentId: assessment.previousAssessmentId,
            place: assessment.plan?.place ?? null,
            scope: assessment.scope,
            horizon: assessment.plan?.horizon ?? null,
            standing: framework
              ? await withBoard(assessment.id, (doc) => standingOf(doc, framework, assessment, today))
              : null,
          })
        }
        reply.header('cache-control', 'no-store')
        return { assessments: rows }
      },
    )

    app.get(
      '/api/organisations/:organisationId/history',
      {
        schema: {
          summary: "Each workstream's agreed levels over its assessments, oldest first (its staff)",
          params: organisationParams,
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params
        await staff.auth.ofOrganisation(request, organisationId)
        const mine = (await metadata.listAssessments()).filter((a) => a.organisationId === organisationId)
        const byKey = new Map<
          string,
          {
            workstream: string
            frameworkId: string
            assessments: Array<{
              id: string
              title: string
              createdAt: string
              levels: Record<string, string>
            }>
          }
        >()
        for (const assessment of mine) {
          const framework = deps.frameworks.get(assessment.frameworkId)
          if (!framework) continue
          // One history per workstream and framework: levels of different frameworks do not compare.
          const key = `${assessment.frameworkId}\u0000${assessment.workstream}`
          const entry = byKey.get(key) ?? {
            workstream: assessment.workstream,
            frameworkId: assessment.frameworkId,
            assessments: [],
          }
          entry.assessments.push({
            id: assessment.id,
            title: assessment.title,
            createdAt: assessment.createdAt,
            levels: await withBoard(assessment.id, (doc) =>
              agreedLevelsOf(doc, areasInScope(framework, assessment)),
            ),
          })
          byKey.set(key, entry)
        }
        reply.header('cache-control', 'no-store')
        return { workstreams: [...byKey.values()] }
      },
    )

    app.get(
      '/api/organisations/:organisationId/places',
      {
        schema: {
          summary:
            "Each Place's latest assessment and its agreed levels, per framework, for the system roll-up (its staff)",
          params: organisationParams,
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params
        await staff.auth.ofOrganisation(request, organisationId)
        // Oldest first, so a later assessment of the same Place replaces an earlier one.
        const placed = (await metadata.listAssessments()).filter(
          (a) => a.organisationId === organisationId && a.plan?.place,
        )
        const latest = new Map<string, AssessmentRecord>()
        for (const a of placed) latest.set(`${a.frameworkId}\u0000${a.plan!.place}`, a)
        const byFramework = new Map<
          string,
          Array<{
            place: string
            assessmentId: string
            title: string
            createdAt: string
            levels: Record<string, string>
          }>
        >()
        for (const assessment of latest.values()) {
          const framework = deps.frameworks.get(assessment.frameworkId)
          if (!framework) continue
          const rows = byFramework.get(framework.id) ?? []
          rows.push({
            place: assessment.plan!.place!,
            assessmentId: assessment.id,
            title: assessment.title,
            createdAt: assessment.createdAt,
            levels: await withBoard(assessment.id, (doc) =>
              agreedLevelsOf(doc, areasInScope(framework, assessment)),
            ),
          })
          byFramework.set(framework.id, rows)
        }
        reply.header('cache-control', 'no-store')
        return {
          frameworks: [...byFramework].map(([frameworkId, places]) => ({
            frameworkId,
            places: places.sort((a, b) => a.place.localeCompare(b.place)),
          })),
        }
      },
    )

    app.post(
      '/api/organisations/:organisationId/assessments',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary:
            'Set up an assessment: framework, scope, Place, horizon and session dates; the lead who makes it is its chair (a lead or administrator)',
          params: organisationParams,
          body: planBody,
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
          body: z.strictObject({ title: personText('Title', 200).optional() }).nullish(),
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
