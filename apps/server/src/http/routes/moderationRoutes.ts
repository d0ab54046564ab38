import { commentParams, errorResponses, hideCommentBody, moderationResponse } from '@co-assess/api-contract'
import {
  hiddenComment,
  hiddenWordsSchema,
  hideComment,
  ModerationError,
  moderationSchema,
  readComment,
  readModerationOf,
  showComment,
} from '@co-assess/board-model'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import * as Y from 'yjs'
import { serverWrite } from '../../sync/serverWrite.ts'
import type { AppDeps } from '../appDeps.ts'
import { badRequest, conflict, notFound } from '../httpError.ts'

/**
 * Where a hidden comment's words are kept for the chair to show again: a setting whose key ends in
 * `:<assessmentId>`, which the store deletes with the assessment. Cleared (empty) once shown again.
 */
export const hiddenWordsKey = (assessmentId: string, commentId: string) =>
  `hidden-comment:${commentId}:${assessmentId}`

/**
 * Moderation (chair only, checked here from the verified token): hiding a comment with a reason and
 * showing it again. The server replaces the comment's words on the board itself (records/moderation.ts
 * says why a flag would not do), keeps them in the metadata store, and compacts the board's stored log
 * so the update that first carried them is not kept either.
 */
export const moderationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage
    const assessmentOr404 = async (id: string) => {
      if (!(await metadata.getAssessment(id))) throw notFound('That assessment does not exist.')
    }
    const moderationError = (error: unknown) =>
      error instanceof ModerationError ? conflict(error.message) : error

    app.post(
      '/api/assessments/:assessmentId/comments/:commentId/hide',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary: 'Hide a comment from everyone, with the reason shown in its place (chair)',
          params: commentParams,
          body: hideCommentBody,
          response: { 200: moderationResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { assessmentId, commentId } = request.params
        const chair = await deps.auth.person(request, assessmentId, ['chair'])
        await assessmentOr404(assessmentId)
        // The words are stored before they leave the board, so a failure between the two loses nothing.
        const current = await serverWrite(deps.hocuspocus, assessmentId, (doc) => {
          const comment = readComment(doc, commentId)
          if (!comment) return null
          return { comment, hidden: hiddenComment(doc, commentId) !== undefined }
        })
        if (!current) throw notFound('That comment is not on this board.')
        if (current.comment.deleted) throw conflict('Its author has already deleted that comment.')
        const key = hiddenWordsKey(assessmentId, commentId)
        if (!current.hidden) {
          const { body, text, mentions } = current.comment
          await metadata.setSetting(
            key,
            JSON.stringify(hiddenWordsSchema.parse({ comment: { body, text, mentions }, actions: [] })),
          )
        }
        const at = Date.now()
        const words = await serverWrite(deps.hocuspocus, assessmentId, (doc) => {
          try {
            return hideComment(doc, commentId, { by: chair.personId, reason: request.body.reason, at })
          } catch (error) {
            throw moderationError(error)
          }
        }).catch(async (error: unknown) => {
          // Not hidden after all (its author deleted it meanwhile): keep no copy of its words.
          if (!current.hidden) await metadata.setSetting(key, '')
          throw error
        })
        // Now with the actions' words too, which the hide itself found.
        if (words) await metadata.setSetting(key, JSON.stringify(words))
        await deps.flush(assessmentId)
        // Compacting rewrites the stored log from the board as it is now, where the words are gone.
        await deps.storage.documents.compact(assessmentId, Y.encodeStateAsUpdate(new Y.Doc()))
        return recordOf(assessmentId, commentId)
      },
    )

    app.post(
      '/api/assessments/:assessmentId/comments/:commentId/show',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary: 'Show a hidden comment again, with its words as they were (chair)',
          params: commentParams,
          response: { 200: moderationResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { assessmentId, commentId } = request.params
        const chair = await deps.auth.person(request, assessmentId, ['chair'])
        await assessmentOr404(assessmentId)
        const key = hiddenWordsKey(assessmentId, commentId)
        const stored = await metadata.getSetting(key)
        const kept = stored ? hiddenWordsSchema.safeParse(JSON.parse(stored)) : null
        if (stored && !kept?.success) throw badRequest('The hidden words could not be read back.')
        await serverWrite(deps.hocuspocus, assessmentId, (doc) => {
          try {
            showComment(doc, commentId, { by: chair.personId, at: Date.now() }, kept?.data ?? null)
          } catch (error) {
            throw moderationError(error)
          }
        })
        await deps.flush(assessmentId)
        await metadata.setSetting(key, '')
        return recordOf(assessmentId, commentId)
      },
    )

    async function recordOf(assessmentId: string, commentId: string) {
      const record = await serverWrite(deps.hocuspocus, assessmentId, (doc) =>
        readModerationOf(doc, commentId),
      )
      return moderationSchema.parse(record)
    }
  }
