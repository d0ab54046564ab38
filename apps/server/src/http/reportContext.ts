import type { readQuery } from '@co-assess/api-contract'
import {
  blindDocumentName,
  parseDocumentName,
  type Role,
  readGroups,
  readPeople,
  settledPrivateAreas,
} from '@co-assess/board-model'
import type { AssessmentRecord } from '@co-assess/storage'
import type { FastifyRequest } from 'fastify'
import * as Y from 'yjs'
import type { z } from 'zod'
import { loadSigningKey } from '../auth/tokens.ts'
import { audienceOf } from '../reports/audience.ts'
import { buildReportModel, type ReportModel } from '../reports/buildReportModel.ts'
import { redactionFor } from '../reports/redaction.ts'
import { createReportLinks, ReportLinkError } from '../reports/reportAccess.ts'
import { sessionRecord } from '../reports/sessionRecord.ts'
import { DEFAULT_SMALL_NUMBER_THRESHOLD } from '../reports/smallNumbers.ts'
import { readFeedbackSummary } from '../sessionFeedback/readFeedbackSummary.ts'
import type { AppDeps } from './appDeps.ts'
import { forbidden, notFound, unauthorized } from './httpError.ts'
import { withBoard as readBoard } from './withBoard.ts'

const READERS: readonly Role[] = ['chair', 'participant', 'observer', 'peer-reviewer']

export { accessQuery, assessmentParams, readQuery } from '@co-assess/api-contract'
export type ReadQuery = z.infer<typeof readQuery>

export type ReportContext = Awaited<ReturnType<typeof createReportContext>>

/** What the report, publication, comparison and export routes share: who may read, and the board to read. */
export async function createReportContext(deps: AppDeps) {
  const { metadata } = deps.storage
  const links = createReportLinks(await loadSigningKey(metadata, process.env.CO_ASSESS_TOKEN_SECRET))

  const withBoard = <T>(name: string, read: (doc: Y.Doc) => T | Promise<T>) => readBoard(deps, name, read)

  async function assessmentOf(id: string): Promise<AssessmentRecord> {
    const assessment = await metadata.getAssessment(id)
    if (!assessment) throw notFound('That assessment does not exist.')
    return assessment
  }

  function frameworkOf(assessment: AssessmentRecord) {
    const framework = deps.frameworks.get(assessment.frameworkId)
    if (!framework) throw notFound(`The framework "${assessment.frameworkId}" is not loaded on this server.`)
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
    query: ReadQuery,
    /** Every CSV travels further than a report: small numbers are suppressed in it for the chair too. */
    output: { travels?: boolean } = {},
  ): Promise<ReportModel> {
    const who = await reader(request, assessmentId, query.access)
    const names = query.names === '1'
    if (names && who.role !== 'chair')
      throw forbidden('Only a chair can show the names of the people taking part.')
    const assessment = await assessmentOf(assessmentId)
    const framework = frameworkOf(assessment)
    const threshold = await smallNumberThreshold(assessmentId)
    // The reader's role decides the audience; the model comes out already redacted for it.
    const model = await withBoard(assessmentId, (doc) =>
      buildReportModel(doc, framework, assessment, {
        audience: audienceOf(who.role),
        names,
        threshold,
        ...(output.travels ? { travels: true } : {}),
      }),
    )
    // Who came to each session, and whether they felt heard, is the chair's alone (and never travels).
    if (model.audience !== 'chair' || output.travels) return model
    const feedback = await readFeedbackSummary(deps, assessmentId)
    return withBoard(assessmentId, (doc) => ({
      ...model,
      sessionRecord: {
        threshold: feedback.threshold,
        sessions: sessionRecord(
          doc,
          redactionFor('chair', { people: readPeople(doc).values(), groups: readGroups(doc), names }),
          feedback.sessions,
        ),
      },
    }))
  }

  // Kept as a setting beside the assessment (the record's shape belongs to the storage port).
  const thresholdKey = (assessmentId: string) => `smallNumberThreshold:${assessmentId}`
  async function smallNumberThreshold(assessmentId: string): Promise<number> {
    const stored = Number(await metadata.getSetting(thresholdKey(assessmentId)))
    return Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_SMALL_NUMBER_THRESHOLD
  }
  async function setSmallNumberThreshold(assessmentId: string, threshold: number): Promise<void> {
    await metadata.setSetting(thresholdKey(assessmentId), String(threshold))
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

  return {
    links,
    withBoard,
    assessmentOf,
    frameworkOf,
    reader,
    reportModel,
    smallNumberThreshold,
    setSmallNumberThreshold,
    privateTicksWaiting,
  }
}
