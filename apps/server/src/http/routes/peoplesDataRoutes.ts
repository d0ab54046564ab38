import {
  assessmentParams,
  deleteAssessmentBody,
  deletedResponse,
  equalityQuestionsResponse,
  equalityStored,
  equalitySummary,
  eraseResponse,
  errorResponses,
  groupsBody,
  groupsResponse,
  personParams,
  retentionBody,
  retentionResponse,
} from '@co-assess/api-contract'
import {
  type GroupDef,
  groupIdFromLabel,
  groupListSchema,
  hasGroup,
  setBoardGroups,
} from '@co-assess/board-model'
import { ConflictError } from '@co-assess/storage'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { groupsOf } from '../../assessments/assessmentGroups.ts'
import { deleteAssessmentEverywhere } from '../../assessments/deleteAssessment.ts'
import { eraseName } from '../../assessments/eraseName.ts'
import { EQUALITY_QUESTIONS, equalityAnswersSchema } from '../../equality/equalityQuestions.ts'
import { summariseEquality } from '../../equality/equalitySummary.ts'
import { DEFAULT_SMALL_NUMBER_THRESHOLD } from '../../reports/smallNumbers.ts'
import { deleteDueAt } from '../../retention/retentionSweep.ts'
import { serverWrite } from '../../sync/serverWrite.ts'
import type { AppDeps } from '../appDeps.ts'
import { badRequest, conflict, notFound } from '../httpError.ts'

/**
 * People's data: the assessment's stakeholder groups, erasing a name on request, deleting an
 * assessment, its retention period, and the optional equality monitoring questions.
 */
export const peoplesDataRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage
    const deleteEverywhere = (id: string) =>
      deleteAssessmentEverywhere(
        {
          storage: deps.storage,
          hocuspocus: deps.hocuspocus,
          flush: deps.flush,
          unloadDocument: deps.unloadDocument,
          log: deps.log,
        },
        id,
      )
    const assessmentOr404 = async (id: string) => {
      const found = await metadata.getAssessment(id)
      if (!found) throw notFound('That assessment does not exist.')
      return found
    }

    app.put(
      '/api/assessments/:assessmentId/groups',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            "Set the assessment's stakeholder groups (chair): keep a group's id to rename it, leave it out for a new one",
          params: assessmentParams,
          body: groupsBody,
          response: { 200: groupsResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        const assessment = await assessmentOr404(assessmentId)
        const taken: string[] = request.body.groups.flatMap((g) => (g.id ? [g.id] : []))
        const proposed = request.body.groups.map((g) => {
          if (g.id) return { id: g.id, label: g.label.trim() }
          const id = groupIdFromLabel(g.label, taken)
          taken.push(id)
          return { id, label: g.label.trim() }
        })
        const parsed = groupListSchema.safeParse(proposed)
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          throw badRequest(
            `In the request body, "groups": ${issue?.message ?? 'these groups are not valid'}.`,
          )
        }
        const groups: GroupDef[] = parsed.data
        // A group someone joined under stays: removing it would leave their ticks under no name.
        const inUse = new Set(
          (await metadata.listParticipants(assessmentId)).flatMap((p) =>
            hasGroup(p.group) ? [p.group] : [],
          ),
        )
        const removed = groupsOf(assessment).filter(
          (g) => inUse.has(g.id) && !groups.some((k) => k.id === g.id),
        )
        if (removed.length > 0)
          throw conflict(
            `People have joined as ${removed.map((g) => `"${g.label}"`).join(', ')}, so it cannot be removed. Rename it instead.`,
          )
        await serverWrite(deps.hocuspocus, assessmentId, (doc) => setBoardGroups(doc, groups))
        await deps.flush(assessmentId)
        const updated = await metadata.updateAssessment(assessmentId, { groups })
        return { groups: groupsOf(updated) }
      },
    )

    app.put(
      '/api/assessments/:assessmentId/retention',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'Set how long the assessment is kept (chair): the server deletes it, with everything of it, that many days after it was made; null keeps it until deleted',
          params: assessmentParams,
          body: retentionBody,
          response: { 200: retentionResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        await assessmentOr404(assessmentId)
        const updated = await metadata.updateAssessment(assessmentId, { retentionDays: request.body.days })
        return {
          retentionDays: updated.retentionDays ?? null,
          deleteAt: deleteDueAt(updated)?.toISOString() ?? null,
        }
      },
    )

    app.post(
      '/api/assessments/:assessmentId/people/:personId/erase',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            "Remove a person's name and organisation on request (chair): their ticks and comments stay, shown as a participant from their group",
          params: personParams,
          response: { 200: eraseResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { assessmentId, personId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        await assessmentOr404(assessmentId)
        const erased = await eraseName(deps, assessmentId, personId)
        return { erased }
      },
    )

    app.delete(
      '/api/assessments/:assessmentId',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          summary:
            "Delete an assessment with everything kept of it, in this store: its board, private blind-round documents, logs, snapshots, invites, people, equality answers and published page (the assessment's chair, or the admin key). Send its title to confirm",
          params: assessmentParams,
          body: deleteAssessmentBody,
          response: { 200: deletedResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { assessmentId } = request.params
        try {
          await deps.auth.admin(request)
        } catch {
          await deps.auth.person(request, assessmentId, ['chair'])
        }
        const assessment = await assessmentOr404(assessmentId)
        if (request.body.confirmTitle.trim() !== assessment.title.trim())
          throw badRequest(
            `In the request body, "confirmTitle": type the assessment's title exactly ("${assessment.title}") to confirm.`,
          )
        await deleteEverywhere(assessmentId)
        return { deleted: assessmentId }
      },
    )

    app.get(
      '/api/equality/questions',
      {
        schema: {
          summary: 'The optional equality monitoring questions (census 2021 categories)',
          response: { 200: equalityQuestionsResponse, ...errorResponses },
        },
      },
      async () => ({ questions: [...EQUALITY_QUESTIONS] }),
    )

    app.post(
      '/api/assessments/:assessmentId/equality',
      {
        onRequest: deps.auth.personFirst(['participant', 'chair']),
        schema: {
          summary:
            'Answer the optional equality questions, once: stored apart from who you are, with no name, id or time',
          params: assessmentParams,
          body: equalityAnswersSchema,
          response: { 201: equalityStored, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        const claims = await deps.auth.person(request, assessmentId, ['participant', 'chair'])
        const answers = Object.fromEntries(
          Object.entries(request.body).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
        try {
          await metadata.addEqualityAnswers(assessmentId, claims.personId, answers)
        } catch (error) {
          if (error instanceof ConflictError)
            throw conflict('You have already answered these questions. Thank you.')
          throw error
        }
        return reply.status(201).send({ stored: true })
      },
    )

    app.get(
      '/api/assessments/:assessmentId/equality',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'Who was in the room, in aggregate (chair): counts below the small-number threshold read "fewer than N"',
          params: assessmentParams,
          response: { 200: equalitySummary, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId, ['chair'])
        await assessmentOr404(assessmentId)
        const stored = Number(await metadata.getSetting(`smallNumberThreshold:${assessmentId}`))
        const threshold = Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_SMALL_NUMBER_THRESHOLD
        reply.header('cache-control', 'no-store')
        return summariseEquality(await metadata.listEqualityAnswers(assessmentId), threshold)
      },
    )
  }
