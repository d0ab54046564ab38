import { DEFAULT_GROUPS, type GroupDef, initBoard, setBoardGroups } from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import type { AssessmentPlan, AssessmentRecord, MetadataStore } from '@co-assess/storage'
import type { Hocuspocus } from '@hocuspocus/server'
import { nanoid } from 'nanoid'
import type * as Y from 'yjs'
import { DEFAULT_ORGANISATION_ID } from '../staff/firstStart.ts'
import { serverWrite } from '../sync/serverWrite.ts'
import { createInvite, type IssuedInvite } from './createInvite.ts'

export interface NewAssessment {
  title: string
  frameworkId: string
  scope: AssessmentRecord['scope']
  workstream: string
  previousAssessmentId?: string | null
  /** An import keeps the board's own: the version its items were ticked against, and a closed review. */
  frameworkVersion?: string
  reviewClosedAt?: string | null
  /** The stakeholder groups; the defaults (ICS or statutory, VCSE, lived experience) if not given. */
  groups?: GroupDef[]
  /** The owning organisation; if not given, the previous assessment's, else the default organisation. */
  organisationId?: string
  /** How a lead set it up (Place, areas in scope…); if not given, the previous assessment's, if any. */
  plan?: AssessmentPlan
}

/**
 * Creates the board document once, on the server, and stores it before the metadata that points at
 * it: a crash in between leaves an unused document, never an assessment without its board.
 */
export async function createAssessment(
  deps: { metadata: MetadataStore; hocuspocus: Hocuspocus; flush: (name: string) => Promise<void> },
  framework: Framework,
  input: NewAssessment,
  /** Content for the new board (an import, carried-forward actions), written in the same transaction. */
  seed?: (doc: Y.Doc, assessmentId: string) => void,
): Promise<{ assessment: AssessmentRecord; chairInvite: IssuedInvite }> {
  const id = nanoid(16)
  const frameworkVersion = input.frameworkVersion ?? framework.version
  const groups = (input.groups ?? DEFAULT_GROUPS).map((g) => ({ ...g }))
  // A re-assessment stays in its organisation and scope, whoever asks for it (a chair's token, an import).
  const previous = input.previousAssessmentId
    ? await deps.metadata.getAssessment(input.previousAssessmentId)
    : undefined
  const organisationId = input.organisationId ?? previous?.organisationId ?? DEFAULT_ORGANISATION_ID
  const plan = input.plan ?? previous?.plan
  await serverWrite(deps.hocuspocus, id, (doc) => {
    initBoard(doc, { assessmentId: id, frameworkId: framework.id, frameworkVersion })
    setBoardGroups(doc, groups)
    seed?.(doc, id)
  })
  await deps.flush(id)
  const assessment: AssessmentRecord = {
    id,
    title: input.title,
    frameworkId: framework.id,
    frameworkVersion,
    scope: input.scope,
    workstream: input.workstream,
    createdAt: new Date().toISOString(),
    previousAssessmentId: input.previousAssessmentId ?? null,
    reviewClosedAt: input.reviewClosedAt ?? null,
    publication: null,
    groups,
    organisationId,
    ...(plan ? { plan } : {}),
  }
  await deps.metadata.createAssessment(assessment)
  const chairInvite = await createInvite(deps.metadata, {
    assessmentId: id,
    role: 'chair',
    expiresInDays: 30,
    createdBy: null,
  })
  return { assessment, chairInvite }
}
