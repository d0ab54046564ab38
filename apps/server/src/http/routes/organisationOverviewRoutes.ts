import {
  errorResponses,
  organisationAssessments,
  organisationHistory,
  organisationParams,
  organisationPlaces,
} from '@co-assess/api-contract'
import type { AssessmentRecord } from '@co-assess/storage'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { agreedLevelsOf, areasInScope, standingOf } from '../../staff/assessmentStanding.ts'
import type { StaffDeps } from '../../staff/staffDeps.ts'
import type { AppDeps } from '../appDeps.ts'
import { withBoard } from '../withBoard.ts'

/** What an organisation's staff see on their home page: its assessments, each workstream's history, the Places. */
export const organisationOverviewRoutes =
  (deps: AppDeps, staff: StaffDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage
    app.get(
      '/api/organisations/:organisationId/assessments',
      {
        schema: {
          summary: "The organisation's assessments and where each stands (its staff)",
          params: organisationParams,
          response: { 200: organisationAssessments, ...errorResponses },
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
              ? await withBoard(deps, assessment.id, (doc) => standingOf(doc, framework, assessment, today))
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
          response: { 200: organisationHistory, ...errorResponses },
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
            levels: await withBoard(deps, assessment.id, (doc) =>
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
          response: { 200: organisationPlaces, ...errorResponses },
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
            levels: await withBoard(deps, assessment.id, (doc) =>
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
  }
