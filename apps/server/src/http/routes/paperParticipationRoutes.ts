import {
  assessmentParams,
  checklistQuery,
  errorResponses,
  nonJson,
  recordedPersonBody,
  recordedPersonResponse,
} from '@co-assess/api-contract'
import { groupLabel, type Person, readPeople, recordParticipant } from '@co-assess/board-model'
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { nanoid } from 'nanoid'
import { groupsOf } from '../../assessments/assessmentGroups.ts'
import { personColour } from '../../assessments/personColour.ts'
import { checklistAreas, renderChecklistDocx } from '../../reports/renderChecklistDocx.ts'
import { serverWrite } from '../../sync/serverWrite.ts'
import type { AppDeps } from '../appDeps.ts'
import { contentDisposition, humanFileName } from '../contentDisposition.ts'
import { badRequest, notFound } from '../httpError.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** A Word file the browser saves under its human name (contentDisposition.ts makes the header safe). */
const sendWord = (reply: FastifyReply, fileName: string, body: Buffer) =>
  reply
    .headers({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': contentDisposition(fileName),
    })
    .type(DOCX)
    .send(body)

/**
 * Taking part on paper or by phone: the printable checklist and discussion guide as Word, and adding
 * a person whose answers a chair will type in. The ticks and views themselves travel like anyone's,
 * through the board, where the write gate lets only a chair write them (guard/recordedRules.ts).
 */
export const paperParticipationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { metadata } = deps.storage
    const assessmentOr404 = async (id: string) => {
      const found = await metadata.getAssessment(id)
      if (!found) throw notFound('That assessment does not exist.')
      return found
    }

    app.get(
      '/api/assessments/:assessmentId/checklist.docx',
      {
        onRequest: deps.auth.personFirst(),
        schema: {
          summary:
            'A printable checklist and discussion guide as Word, for one area or several (anyone on the board)',
          params: assessmentParams,
          querystring: checklistQuery,
          response: {
            200: nonJson(DOCX, 'The checklist and discussion guide as a Word document'),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        await deps.auth.person(request, assessmentId)
        const assessment = await assessmentOr404(assessmentId)
        const framework = deps.frameworks.get(assessment.frameworkId)
        if (!framework)
          throw notFound(`The framework "${assessment.frameworkId}" is not loaded on this server.`)
        const wanted = request.query.areas ? new Set(request.query.areas.split(',')) : null
        // "All areas" are the ones this assessment covers, when its lead narrowed the framework.
        const scope = assessment.plan?.areaIds
        const areas = checklistAreas(framework, wanted ?? (scope?.length ? new Set(scope) : null))
        const unknown = [...(wanted ?? [])].filter((id) => !areas.some((a) => a.id === id))
        if (unknown.length) throw badRequest(`These areas are not in the framework: ${unknown.join(', ')}.`)
        const which =
          areas.length === 1 ? `${areas[0]!.id} ${areas[0]!.title}` : wanted ? 'several areas' : 'all areas'
        const body = await renderChecklistDocx({
          assessmentTitle: assessment.title,
          frameworkTitle: framework.title,
          groups: groupsOf(assessment),
          areas,
        })
        return sendWord(reply, humanFileName(['Co-assess checklist', assessment.title, which], 'docx'), body)
      },
    )

    app.post(
      '/api/assessments/:assessmentId/recorded-people',
      {
        onRequest: deps.auth.personFirst(['chair']),
        schema: {
          summary:
            'Add a person who took part on paper or by phone, whose ticks and views a chair will enter (chair)',
          params: assessmentParams,
          body: recordedPersonBody,
          response: { 201: recordedPersonResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { assessmentId } = request.params
        const chair = await deps.auth.person(request, assessmentId, ['chair'])
        const assessment = await assessmentOr404(assessmentId)
        const groups = groupsOf(assessment)
        const { name, organisation = '', group, how } = request.body
        if (!groups.some((g) => g.id === group))
          throw badRequest(
            `In the request body, "group": must be one of this assessment's groups (${groups.map((g) => g.label).join(', ')}).`,
          )
        const enteredAt = Date.now()
        const result = await serverWrite(deps.hocuspocus, assessmentId, (doc) => {
          const person: Person = {
            id: nanoid(16),
            name,
            organisation,
            group,
            role: 'participant',
            colour: personColour(readPeople(doc).size),
            joinedAt: enteredAt,
          }
          const recorded = { how, enteredBy: chair.personId, enteredAt }
          recordParticipant(doc, person, recorded)
          return { person, recorded }
        })
        await deps.flush(assessmentId)
        request.log.info({ assessmentId, how }, 'a chair added a person who took part on paper or by phone')
        return reply.status(201).send({
          person: {
            id: result.person.id,
            name: result.person.name,
            organisation: result.person.organisation,
            group,
            groupLabel: groupLabel(groups, group),
          },
          recorded: result.recorded,
        })
      },
    )
  }
