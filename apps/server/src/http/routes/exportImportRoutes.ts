import { createdAssessment, errorResponses, nonJson } from '@co-assess/api-contract'
import {
  type BoardShape,
  blindAreas,
  boardShape,
  boardSnapshotSchema,
  ExportNotWhole,
  exportBoard,
  groupListSchema,
  importBoard,
  misfitWithFramework,
  stringifyJson,
} from '@co-assess/board-model'
import { type Framework, itemsOfArea, listAreas } from '@co-assess/framework'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { createAssessment } from '../../assessments/createAssessment.ts'
import type { AppDeps } from '../appDeps.ts'
import { badRequest, conflict } from '../httpError.ts'
import { download } from '../replies.ts'
import { accessQuery, assessmentParams, type ReportContext } from '../reportContext.ts'
import { reportFileName } from '../reportFileName.ts'

/** Every area and item of the framework: what an imported board may hold. */
function frameworkShape(framework: Framework): BoardShape {
  return boardShape(
    listAreas(framework).map((area) => ({ id: area.id, itemIds: itemsOfArea(area).map((item) => item.id) })),
  )
}

/**
 * The whole board as JSON (a backup), and importing one back as a new assessment. The snapshot itself
 * (its shape, reading it off a board, writing it into a fresh one) is board-model's; this is its HTTP edge.
 */
export const exportImportRoutes =
  (deps: AppDeps, reports: ReportContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage

    app.get(
      '/api/assessments/:assessmentId/report/export.json',
      {
        schema: {
          summary: 'The whole board as JSON, a backup that imports back (chair)',
          params: assessmentParams,
          querystring: accessQuery,
          response: {
            200: nonJson('application/json', 'The board as JSON, saved as a file'),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        await reports.reader(request, assessmentId, request.query.access, ['chair'])
        const assessment = await reports.assessmentOf(assessmentId)
        const data = await reports.withBoard(assessmentId, async (doc) => {
          const blind = blindAreas(doc)
          // exportBoard refuses a running blind round itself; this only turns that into a 409.
          if (blind.length === 0 && (await reports.privateTicksWaiting(assessmentId, doc)))
            throw conflict(
              'Ticks from a revealed blind round are still being moved onto the board, so an export now would leave them out. Try again in a moment.',
            )
          try {
            return exportBoard(doc, assessment)
          } catch (error) {
            if (error instanceof ExportNotWhole) throw conflict(error.message)
            throw error
          }
        })
        return download(
          reply,
          'application/json; charset=utf-8',
          reportFileName('backup', assessment.title, 'json'),
          stringifyJson(data),
        )
      },
    )

    app.post(
      '/api/assessments/import',
      {
        // Checked before the body is read: nobody without the admin key gets 20 MB parsed.
        onRequest: deps.auth.adminFirst,
        bodyLimit: 20 * 1024 * 1024,
        // Parsing, checking and writing 20 MB can outlast the usual deadline on a busy machine, and an
        // import answered 503 but finished anyway would be imported twice when it is sent again.
        config: { rateLimit: { max: 10, timeWindow: '1 minute' }, deadlineMs: 120_000 },
        schema: {
          summary: 'Import a JSON export as a new assessment (admin key); returns a chair invite',
          body: boardSnapshotSchema,
          response: { 201: createdAssessment, ...errorResponses },
        },
      },
      async (request, reply) => {
        await deps.auth.admin(request)
        const data = request.body
        const framework = deps.frameworks.get(data.assessment.frameworkId)
        if (!framework)
          throw badRequest(
            `In the request body, "assessment.frameworkId": there is no framework "${data.assessment.frameworkId}" on this server. Load it first, or choose one of: ${[...deps.frameworks.keys()].join(', ')}.`,
          )
        const misfit = misfitWithFramework(data, frameworkShape(framework))
        if (misfit) throw badRequest(`In the request body, "${misfit.path.join('.')}": ${misfit.message}.`)
        const closedAt = data.board.meta.reviewClosedAt
        if (closedAt !== null && Number.isNaN(new Date(closedAt).getTime()))
          throw badRequest('In the request body, "board.meta.reviewClosedAt": is not a time a date can hold.')
        const created = await createAssessment(
          { metadata, hocuspocus: deps.hocuspocus, flush: deps.flush },
          framework,
          {
            title: data.assessment.title,
            frameworkId: framework.id,
            scope: data.assessment.scope,
            workstream: data.assessment.workstream,
            // The record says what the restored board says, not what this server would start a board with.
            frameworkVersion: data.board.meta.frameworkVersion,
            reviewClosedAt: closedAt === null ? null : new Date(closedAt).toISOString(),
            // A board exported before groups were set per assessment has the defaults.
            ...(groupListSchema.safeParse(data.board.meta.groups).success
              ? { groups: groupListSchema.parse(data.board.meta.groups) }
              : {}),
          },
          (doc, id) => importBoard(doc, data, id),
        )
        return reply.status(201).send(created)
      },
    )
  }
