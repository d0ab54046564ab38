import {
  errorResponses,
  nonJson,
  publicationPreview,
  publicationState,
  publicPageParams,
  publishBody,
  published,
  withdrawn,
} from '@co-assess/api-contract'
import { readActions, readPeople, whyNotPublishable } from '@co-assess/board-model'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { nanoid } from 'nanoid'
import { possibleNames } from '../../reports/possibleNames.ts'
import { publicationContent, publicationContentSchema, publicPageKey } from '../../reports/publication.ts'
import { redactionFor } from '../../reports/redaction.ts'
import { renderNotPublished, renderPublicPage } from '../../reports/renderPublicPage.ts'
import type { AppDeps } from '../appDeps.ts'
import { badRequest, notFound } from '../httpError.ts'
import { page } from '../replies.ts'
import { assessmentParams, type ReportContext } from '../reportContext.ts'

/** The public "you said, we did" page: its state, preview, publishing, withdrawing, and the page itself. */
export const publicationRoutes =
  (deps: AppDeps, reports: ReportContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage
    const { assessmentOf, frameworkOf, withBoard } = reports

    app.get(
      '/api/assessments/:assessmentId/publication',
      {
        schema: {
          summary: 'Whether the public page is published, and where',
          params: assessmentParams,
          response: { 200: publicationState, ...errorResponses },
        },
      },
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

    app.post(
      '/api/assessments/:assessmentId/publication/preview',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'The public page as the public would see it for these actions, with any words that may still name a person on the board (chair)',
          params: assessmentParams,
          body: publishBody,
          response: { 200: publicationPreview, ...errorResponses },
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
          response: { 201: published, ...errorResponses },
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
          response: { 200: withdrawn, ...errorResponses },
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
          params: publicPageParams,
          response: {
            200: nonJson('text/html', 'The public page'),
            404: nonJson('text/html', 'Nothing is published at this address'),
            410: nonJson('text/html', 'The page was published and then withdrawn'),
          },
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
  }
