import {
  blindDocumentName,
  entityIdSchema,
  groupListSchema,
  parseDocumentName,
  type Role,
  readActions,
  readAgreedLevels,
  readEvidence,
  readPeople,
  readSessions,
  settledPrivateAreas,
  whyNotPublishable,
} from '@co-assess/board-model'
import type { AssessmentRecord } from '@co-assess/storage'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { nanoid } from 'nanoid'
import * as Y from 'yjs'
import { z } from 'zod'
import { createAssessment } from '../../assessments/createAssessment.ts'
import { loadSigningKey } from '../../auth/tokens.ts'
import { audienceOf } from '../../reports/audience.ts'
import { boardExportSchema } from '../../reports/boardExport.ts'
import { buildReportModel, type ReportModel } from '../../reports/buildReportModel.ts'
import { carryEvidence } from '../../reports/carryEvidence.ts'
import { carryForward } from '../../reports/carryForward.ts'
import { frameworkShape, misfitWithFramework } from '../../reports/exportFit.ts'
import { blindAreas, ExportNotWhole, exportJson } from '../../reports/exportJson.ts'
import { importJson } from '../../reports/importJson.ts'
import { possibleNames } from '../../reports/possibleNames.ts'
import { publicationContent, publicationContentSchema, publicPageKey } from '../../reports/publication.ts'
import { redactionFor } from '../../reports/redaction.ts'
import { buildComparison, renderComparison } from '../../reports/renderComparison.ts'
import { renderActionsCsv, renderEvidenceCsv, renderItemsCsv } from '../../reports/renderCsv.ts'
import { renderDocx } from '../../reports/renderDocx.ts'
import { renderMarkdown } from '../../reports/renderMarkdown.ts'
import { renderNotPublished, renderPublicPage } from '../../reports/renderPublicPage.ts'
import { renderReportHtml } from '../../reports/renderReportHtml.ts'
import { createReportLinks, ReportLinkError } from '../../reports/reportAccess.ts'
import { DEFAULT_SMALL_NUMBER_THRESHOLD } from '../../reports/smallNumbers.ts'
import { stringifyJson } from '../../reports/stringifyJson.ts'
import type { AppDeps } from '../appDeps.ts'
import { idParam, personText } from '../fieldSchemas.ts'
import { badRequest, conflict, forbidden, notFound, unauthorized } from '../httpError.ts'

const READERS: readonly Role[] = ['chair', 'participant', 'observer', 'peer-reviewer']
const assessmentParams = z.object({ assessmentId: idParam })
const readQuery = z.object({
  access: z.string().max(2000).optional(),
  names: z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional(),
})

// Pages carry text people typed: no scripts at all, and report addresses (with ?access=) never leak as a referrer.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
}

export const reportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage
    const links = createReportLinks(await loadSigningKey(metadata, process.env.CO_ASSESS_TOKEN_SECRET))

    async function withBoard<T>(name: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
      const connection = await deps.hocuspocus.openDirectConnection(name)
      try {
        return await read(connection.document!)
      } finally {
        await connection.disconnect()
      }
    }

    async function assessmentOf(id: string): Promise<AssessmentRecord> {
      const assessment = await metadata.getAssessment(id)
      if (!assessment) throw notFound('That assessment does not exist.')
      return assessment
    }

    function frameworkOf(assessment: AssessmentRecord) {
      const framework = deps.frameworks.get(assessment.frameworkId)
      if (!framework)
        throw notFound(`The framework "${assessment.frameworkId}" is not loaded on this server.`)
      return framework
    }

    /** A bearer token, or else a report link's `?access=`; either way the invite must still be live. */
    async function reader(
      request: FastifyRequest,
      assessmentId: string,
      access: string | undefined,
      roles: readonly Role[] = READERS,
    ): Promise<{ role: Role; personId: string }> {
      if (request.headers.authorization || !access) return deps.auth.person(request, assessmentId, roles)
      let claims: Awaited<ReturnType<typeof links.verify>>
      try {
        claims = await links.verify(access)
      } catch (error) {
        if (error instanceof ReportLinkError) throw unauthorized(error.message)
        throw error
      }
      if (claims.assessmentId !== assessmentId)
        throw forbidden('This report link is for a different assessment.')
      const invite = await metadata.getInvite(claims.inviteId)
      if (!invite || invite.revokedAt)
        throw unauthorized('The invite behind this link has been withdrawn by the chair.')
      if (!roles.includes(claims.role))
        throw forbidden(`Only a ${roles.join(' or ')} can do this; you joined as ${claims.role}.`)
      return claims
    }

    async function reportModel(
      request: FastifyRequest,
      assessmentId: string,
      query: z.infer<typeof readQuery>,
      /** Every CSV travels further than a report: small numbers are suppressed in it for the chair too. */
      output: { travels?: boolean } = {},
    ) {
      const who = await reader(request, assessmentId, query.access)
      const names = query.names === '1'
      if (names && who.role !== 'chair')
        throw forbidden('Only a chair can show the names of the people taking part.')
      const assessment = await assessmentOf(assessmentId)
      const framework = frameworkOf(assessment)
      const threshold = await smallNumberThreshold(assessmentId)
      // The reader's role decides the audience; the model comes out already redacted for it.
      return withBoard(assessmentId, (doc) =>
        buildReportModel(doc, framework, assessment, {
          audience: audienceOf(who.role),
          names,
          threshold,
          ...(output.travels ? { travels: true } : {}),
        }),
      )
    }

    // Kept as a setting beside the assessment (the record's shape belongs to the storage port).
    const thresholdKey = (assessmentId: string) => `smallNumberThreshold:${assessmentId}`
    async function smallNumberThreshold(assessmentId: string): Promise<number> {
      const stored = Number(await metadata.getSetting(thresholdKey(assessmentId)))
      return Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_SMALL_NUMBER_THRESHOLD
    }

    /**
     * Whether any private blind-round document of the assessment still holds ticks due on the board.
     * After a reveal the server moves them onto the board in the background; until it has, the board is
     * not yet whole. Ticks of an anonymous round are never due: they stay private, and the board keeps
     * only their counts.
     */
    async function privateTicksWaiting(assessmentId: string, board: Y.Doc): Promise<boolean> {
      const prefix = blindDocumentName(assessmentId, '')
      const names = new Set(await deps.storage.documents.listDocuments(prefix))
      for (const name of deps.hocuspocus.documents.keys()) if (name.startsWith(prefix)) names.add(name)
      const due = (name: string, doc: Y.Doc) => {
        const target = parseDocumentName(name)
        return target?.kind === 'blind' && settledPrivateAreas(board, doc, target.personId).size > 0
      }
      for (const name of names) {
        const loaded = deps.hocuspocus.documents.get(name)
        if (loaded) {
          if (due(name, loaded)) return true
          continue
        }
        const stored = await deps.storage.documents.loadDocument(name)
        if (!stored) continue
        const doc = new Y.Doc()
        try {
          Y.applyUpdate(doc, stored)
          if (due(name, doc)) return true
        } finally {
          doc.destroy()
        }
      }
      return false
    }

    const page = (reply: FastifyReply, status: number, html: string, cache = 'no-store') =>
      reply
        .status(status)
        .headers({ ...PAGE_HEADERS, 'cache-control': cache })
        .type('text/html; charset=utf-8')
        .send(html)
    const download = (reply: FastifyReply, type: string, filename: string, body: string | Buffer) =>
      reply
        .headers({
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'content-disposition': `attachment; filename="${filename}"`,
        })
        .type(type)
        .send(body)

    const readRoute = { params: assessmentParams, querystring: readQuery }

    app.get(
      '/api/assessments/:assessmentId/report',
      { schema: { summary: 'The assessment report as an accessible, printable page', ...readRoute } },
      async (request, reply) => {
        const model = await reportModel(request, request.params.assessmentId, request.query)
        return page(reply, 200, renderReportHtml(model))
      },
    )

    app.get(
      '/api/assessments/:assessmentId/report.docx',
      { schema: { summary: 'The report as a Word document', ...readRoute } },
      async (request, reply) => {
        const model = await reportModel(request, request.params.assessmentId, request.query)
        return download(
          reply,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          `report-${model.assessment.id}.docx`,
          await renderDocx(model),
        )
      },
    )

    app.get(
      '/api/assessments/:assessmentId/report.md',
      { schema: { summary: 'The report as Markdown', ...readRoute } },
      async (request, reply) => {
        const model = await reportModel(request, request.params.assessmentId, request.query)
        return download(
          reply,
          'text/markdown; charset=utf-8',
          `report-${model.assessment.id}.md`,
          renderMarkdown(model),
        )
      },
    )

    // Every CSV is the report model for the reader, as a file that travels: one route shape for all.
    const csvRoutes: Array<[name: string, summary: string, render: (model: ReportModel) => string]> = [
      ['items', 'Checklist items and ticks as CSV (UTF-8 with BOM)', renderItemsCsv],
      ['actions', 'Actions as CSV (UTF-8 with BOM)', renderActionsCsv],
      [
        'evidence',
        'Evidence by area as CSV (UTF-8 with BOM); evidence not for sharing only in the chair’s copy',
        renderEvidenceCsv,
      ],
    ]
    for (const [name, summary, render] of csvRoutes) {
      app.get(
        `/api/assessments/:assessmentId/report/${name}.csv`,
        { schema: { summary, ...readRoute } },
        async (request, reply) => {
          const model = await reportModel(request, request.params.assessmentId, request.query, {
            travels: true,
          })
          return download(
            reply,
            'text/csv; charset=utf-8',
            `${name}-${model.assessment.id}.csv`,
            render(model),
          )
        },
      )
    }

    app.get(
      '/api/assessments/:assessmentId/report/export.json',
      {
        schema: {
          summary: 'The whole board as JSON, a backup that imports back (chair)',
          params: assessmentParams,
          querystring: readQuery.pick({ access: true }),
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        await reader(request, assessmentId, request.query.access, ['chair'])
        const assessment = await assessmentOf(assessmentId)
        const data = await withBoard(assessmentId, async (doc) => {
          const blind = blindAreas(doc)
          // exportJson refuses a running blind round itself; this only turns that into a 409.
          if (blind.length === 0 && (await privateTicksWaiting(assessmentId, doc)))
            throw conflict(
              'Ticks from a revealed blind round are still being moved onto the board, so an export now would leave them out. Try again in a moment.',
            )
          try {
            return exportJson(doc, assessment)
          } catch (error) {
            if (error instanceof ExportNotWhole) throw conflict(error.message)
            throw error
          }
        })
        return download(
          reply,
          'application/json; charset=utf-8',
          `assessment-${assessmentId}.json`,
          stringifyJson(data),
        )
      },
    )

    app.post(
      '/api/assessments/:assessmentId/report-links',
      {
        onRequest: deps.auth.personFirst(['chair', 'participant']),
        schema: {
          summary:
            'A short-lived ?access= token, so a browser can open the report as a plain link (chair, participant)',
          params: assessmentParams,
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        const claims = await deps.auth.person(request, assessmentId, ['chair', 'participant'])
        const { token, expiresAt } = await links.issue({
          personId: claims.personId,
          assessmentId,
          inviteId: claims.inviteId,
          role: claims.role,
        })
        const base = `/api/assessments/${assessmentId}`
        const q = `?access=${token}`
        return reply.status(201).send({
          access: token,
          expiresAt,
          links: {
            report: `${base}/report${q}`,
            docx: `${base}/report.docx${q}`,
            markdown: `${base}/report.md${q}`,
            itemsCsv: `${base}/report/items.csv${q}`,
            actionsCsv: `${base}/report/actions.csv${q}`,
            evidenceCsv: `${base}/report/evidence.csv${q}`,
            comparison: `${base}/comparison${q}`,
            ...(claims.role === 'chair'
              ? {
                  reportWithNames: `${base}/report${q}&names=1`,
                  exportJson: `${base}/report/export.json${q}`,
                }
              : {}),
          },
        })
      },
    )

    app.put(
      '/api/assessments/:assessmentId/small-numbers',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'Counts of people below this threshold read "fewer than N" in every output but the chair\'s report (chair)',
          params: assessmentParams,
          body: z.strictObject({
            threshold: z
              .number({ error: 'must be a whole number from 1 to 20' })
              .int({ error: 'must be a whole number from 1 to 20' })
              .min(1, { error: 'must be a whole number from 1 to 20' })
              .max(20, { error: 'must be a whole number from 1 to 20' }),
          }),
        },
      },
      async (request) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        await assessmentOf(assessmentId)
        await metadata.setSetting(thresholdKey(assessmentId), String(request.body.threshold))
        return { threshold: request.body.threshold }
      },
    )

    app.get(
      '/api/assessments/:assessmentId/publication',
      { schema: { summary: 'Whether the public page is published, and where', params: assessmentParams } },
      async (request) => {
        await deps.auth.person(request, request.params.assessmentId)
        const { publication } = await assessmentOf(request.params.assessmentId)
        if (!publication)
          return { published: false, path: null, publishedAt: null, withdrawnAt: null, actionCount: 0 }
        const content = publicationContentSchema.parse(publication.content)
        return {
          published: publication.withdrawnAt === null,
          path: `/p/${content.publicId}`,
          publishedAt: publication.publishedAt,
          withdrawnAt: publication.withdrawnAt,
          actionCount: content.items?.length ?? 0,
        }
      },
    )

    /**
     * The page the public would see for these actions, and the words in it that may still name a
     * person on the board: what the chair checks before publishing. Refuses what publishing would.
     */
    const draftPublication = async (assessmentId: string, actionIds: readonly string[]) => {
      const assessment = await assessmentOf(assessmentId)
      const framework = frameworkOf(assessment)
      const { actions, people } = await withBoard(assessmentId, (doc) => ({
        actions: readActions(doc),
        people: readPeople(doc),
      }))
      const known = new Set(actions.map((a) => a.id))
      const missing = actionIds.filter((id) => !known.has(id))
      if (missing.length) throw badRequest(`These actions are not on the board: ${missing.join(', ')}.`)
      const chosenIds = new Set(actionIds)
      const refused = actions.flatMap((a) => {
        const why = chosenIds.has(a.id) ? whyNotPublishable(a) : null
        return why ? [`"${a.youSaid.trim() || a.id}" ${why}`] : []
      })
      if (refused.length) throw badRequest(`Nothing was published. ${refused.join('. ')}.`)
      const previous = assessment.publication
        ? publicationContentSchema.safeParse(assessment.publication.content)
        : null
      const publicId = previous?.success ? previous.data.publicId : nanoid(21)
      const chosen = actions.filter((a) => chosenIds.has(a.id))
      const content = publicationContent(
        publicId,
        assessment,
        framework,
        chosen,
        redactionFor('public', { people: people.values() }),
      )
      const flags = possibleNames(
        chosen.map((action, index) => {
          const item = content.items![index]!
          return {
            actionId: action.id,
            fields: {
              youSaid: item.youSaid,
              weDid: item.weDid,
              whatChanged: item.whatChanged,
              ...(item.droppedReason ? { droppedReason: item.droppedReason } : {}),
            },
          }
        }),
        people.values(),
      )
      return { publicId, content, flags, actionIds: chosen.map((a) => a.id) }
    }
    const publishBody = z.strictObject({
      actionIds: z.array(entityIdSchema).max(500),
      /** Possible names the chair has checked and confirmed may stand (ids from the preview). */
      confirmedNames: z.array(z.string().max(200)).max(2000).default([]),
    })

    app.post(
      '/api/assessments/:assessmentId/publication/preview',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'The public page as the public would see it for these actions, with any words that may still name a person on the board (chair)',
          params: assessmentParams,
          body: publishBody,
        },
      },
      async (request) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        const draft = await draftPublication(assessmentId, request.body.actionIds)
        return {
          items: (draft.content.items ?? []).map((item, index) => ({
            actionId: draft.actionIds[index]!,
            ...item,
          })),
          possibleNames: draft.flags,
        }
      },
    )

    app.post(
      '/api/assessments/:assessmentId/publication',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'Publish (or republish) the chosen actions to the public "you said, we did" page (chair): only agreed, in-progress, done or dropped-with-a-reason actions; names of people on the board become their group; every possible name the preview flags must be confirmed',
          params: assessmentParams,
          body: publishBody,
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        const { publicId, content, flags } = await draftPublication(assessmentId, request.body.actionIds)
        const confirmed = new Set(request.body.confirmedNames)
        const unchecked = flags.filter((flag) => !confirmed.has(flag.id))
        if (unchecked.length) {
          throw badRequest(
            `Nothing was published. Check these words, which may name someone on the board, in the preview first: ${unchecked
              .map((flag) => `"${flag.word}"`)
              .join(', ')}.`,
          )
        }
        await metadata.setSetting(publicPageKey(publicId), assessmentId)
        const publishedAt = new Date().toISOString()
        await metadata.updateAssessment(assessmentId, {
          publication: { publishedAt, withdrawnAt: null, content },
        })
        return reply
          .status(201)
          .send({ publicId, path: `/p/${publicId}`, publishedAt, actionCount: content.items?.length ?? 0 })
      },
    )

    app.delete(
      '/api/assessments/:assessmentId/publication',
      {
        schema: {
          summary: 'Withdraw the public page: its link then says it is no longer published (chair)',
          params: assessmentParams,
        },
      },
      async (request) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        const { publication } = await assessmentOf(assessmentId)
        if (!publication) throw notFound('This assessment has not been published.')
        const { publicId } = publicationContentSchema.parse(publication.content)
        const withdrawnAt = publication.withdrawnAt ?? new Date().toISOString()
        // Keep only the public id: the link keeps saying "withdrawn", and the words are no longer held for it.
        await metadata.updateAssessment(assessmentId, {
          publication: { publishedAt: publication.publishedAt, withdrawnAt, content: { publicId } },
        })
        return { publicId, path: `/p/${publicId}`, withdrawnAt }
      },
    )

    app.get(
      '/p/:publicId',
      {
        schema: {
          summary: 'The public "you said, we did" page (no sign-in)',
          params: z.object({ publicId: z.string().max(64) }),
        },
      },
      async (request, reply) => {
        const { publicId } = request.params
        const assessmentId = /^[A-Za-z0-9_-]{16,64}$/.test(publicId)
          ? await metadata.getSetting(publicPageKey(publicId))
          : undefined
        const assessment = assessmentId ? await metadata.getAssessment(assessmentId) : undefined
        const publication = assessment?.publication
        const content = publication ? publicationContentSchema.safeParse(publication.content) : null
        if (!publication || !content?.success || content.data.publicId !== publicId)
          return page(reply, 404, renderNotPublished('unknown'))
        if (publication.withdrawnAt) return page(reply, 410, renderNotPublished('withdrawn'))
        return page(reply, 200, renderPublicPage(content.data, publication.publishedAt), 'no-cache')
      },
    )

    app.post(
      '/api/assessments/:assessmentId/reassess',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'Assess the workstream again: same framework, no ticks, open actions carried forward (chair)',
          params: assessmentParams,
          body: z.strictObject({ title: personText('Title', 200).optional() }).nullish(),
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        const previous = await assessmentOf(assessmentId)
        const framework = frameworkOf(previous)
        const { actions, sessions, evidence, agreed } = await withBoard(assessmentId, (doc) => ({
          actions: readActions(doc),
          sessions: readSessions(doc),
          evidence: readEvidence(doc),
          agreed: readAgreedLevels(doc),
        }))
        let carried = 0
        const created = await createAssessment(
          { metadata, hocuspocus: deps.hocuspocus, flush: deps.flush },
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

    app.get(
      '/api/assessments/:assessmentId/comparison',
      {
        schema: {
          summary: 'Then and now: this assessment against the one it followed, as a page',
          params: assessmentParams,
          querystring: readQuery.pick({ access: true }),
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        const who = await reader(request, assessmentId, request.query.access)
        const current = await assessmentOf(assessmentId)
        if (!current.previousAssessmentId)
          throw notFound(
            'This assessment does not follow an earlier one, so there is nothing to compare it with.',
          )
        const previous = await assessmentOf(current.previousAssessmentId)
        const framework = frameworkOf(current)
        const threshold = await smallNumberThreshold(current.id)
        const comparison = await withBoard(previous.id, (before) =>
          withBoard(current.id, (after) =>
            buildComparison(
              framework,
              { doc: before, title: previous.title, createdAt: previous.createdAt },
              { doc: after, title: current.title, createdAt: current.createdAt },
              // Actions carried forward keep words written on the earlier board, so both boards' people are known.
              // A comparison travels (it goes to boards and partners): small numbers are suppressed in it.
              redactionFor(audienceOf(who.role), {
                people: [...readPeople(before).values(), ...readPeople(after).values()],
                threshold,
                travels: true,
              }),
            ),
          ),
        )
        return page(reply, 200, renderComparison(comparison))
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
          body: boardExportSchema,
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
          (doc, id) => importJson(doc, data, id),
        )
        return reply.status(201).send(created)
      },
    )
  }
