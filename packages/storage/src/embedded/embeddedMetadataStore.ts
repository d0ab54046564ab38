import { Low } from 'lowdb'
import { applyAssessmentPatch } from '../applyAssessmentPatch.ts'
import { byTimeThenId } from '../compareRecords.ts'
import { ConflictError } from '../conflictError.ts'
import { byAnswers } from '../equalityOrder.ts'
import { NotFoundError } from '../notFoundError.ts'
import type {
  AssessmentRecord,
  EqualityAnswers,
  InviteRecord,
  OrganisationRecord,
  ParticipantRecord,
  StaffInviteRecord,
  StaffRecord,
} from '../records.ts'
import type { MetadataStore } from '../storagePort.ts'
import { DurableJsonFile } from './durableJsonFile.ts'
import {
  dropSessionFeedback,
  embeddedSessionFeedbackMethods,
  type SessionFeedbackFile,
} from './embeddedSessionFeedback.ts'
import { SerialQueue } from './serialQueue.ts'

/**
 * The whole metadata file. Arrays rather than objects keyed by id: an id such as "__proto__" cannot
 * corrupt them, and a workshop store holds hundreds of records, so a scan costs microseconds.
 */
interface MetadataFile extends SessionFeedbackFile {
  version: 1
  assessments: AssessmentRecord[]
  invites: InviteRecord[]
  participants: ParticipantRecord[]
  settings: Record<string, string>
  /** Equality answers, with no person id; absent in files written before equality monitoring. */
  equalityAnswers?: Array<{ assessmentId: string; answers: EqualityAnswers }>
  /** Who has answered, kept apart from the answers. */
  equalityRespondents?: Array<{ assessmentId: string; personId: string }>
  /** Organisations, staff and staff invites; absent in files written before staff sign-in. */
  organisations?: OrganisationRecord[]
  staff?: StaffRecord[]
  staffInvites?: StaffInviteRecord[]
}

export interface EmbeddedMetadataStore extends MetadataStore {
  close(): Promise<void>
}

const emptyFile = (): MetadataFile => ({
  version: 1,
  assessments: [],
  invites: [],
  participants: [],
  settings: {},
  equalityAnswers: [],
  equalityRespondents: [],
})

/** Metadata in one JSON file through lowdb, rewritten (durably) on each of the rare changes. */
export async function openEmbeddedMetadataStore(path: string): Promise<EmbeddedMetadataStore> {
  const db = new Low<MetadataFile>(new DurableJsonFile<MetadataFile>(path), emptyFile())
  await db.read()
  checkShape(db.data, path)
  const queue = new SerialQueue()
  let closed = false

  /**
   * One change at a time, each on a copy that replaces the live data only once it is on disk: two
   * concurrent changes cannot overwrite each other, and readers never see a change that failed to save.
   */
  const change = <T>(apply: (data: MetadataFile) => T): Promise<T> =>
    queue.run(async () => {
      if (closed) throw new Error('The metadata store is closed.')
      const next = structuredClone(db.data)
      const result = apply(next)
      await db.adapter.write(next)
      db.data = next
      return result
    })

  const assessment = (data: MetadataFile, id: string) => data.assessments.find((a) => a.id === id)
  const invite = (data: MetadataFile, id: string) => data.invites.find((i) => i.id === id)

  return {
    createAssessment: (record) =>
      change((data) => {
        if (assessment(data, record.id))
          throw new ConflictError(`An assessment with id ${record.id} already exists.`)
        data.assessments.push(structuredClone(record))
      }),
    getAssessment: async (id) => structuredClone(assessment(db.data, id)),
    listAssessments: async () => structuredClone(db.data.assessments).sort(byTimeThenId((a) => a.createdAt)),
    updateAssessment: (id, patch) =>
      change((data) => {
        const index = data.assessments.findIndex((a) => a.id === id)
        const current = data.assessments[index]
        if (!current) throw new NotFoundError(`No assessment with id ${id}.`)
        const updated = applyAssessmentPatch(current, structuredClone(patch))
        data.assessments[index] = updated
        return structuredClone(updated)
      }),
    deleteAssessment: (id) =>
      change((data) => {
        if (!assessment(data, id)) return false
        data.assessments = data.assessments.filter((a) => a.id !== id)
        for (const a of data.assessments) if (a.previousAssessmentId === id) a.previousAssessmentId = null
        data.invites = data.invites.filter((i) => i.assessmentId !== id)
        data.participants = data.participants.filter((p) => p.assessmentId !== id)
        data.equalityAnswers = (data.equalityAnswers ?? []).filter((e) => e.assessmentId !== id)
        data.equalityRespondents = (data.equalityRespondents ?? []).filter((e) => e.assessmentId !== id)
        dropSessionFeedback(data, id)
        for (const key of Object.keys(data.settings)) if (key.endsWith(`:${id}`)) delete data.settings[key]
        return true
      }),

    createInvite: (record) =>
      change((data) => {
        if (!assessment(data, record.assessmentId)) {
          throw new NotFoundError(`No assessment with id ${record.assessmentId} to invite people to.`)
        }
        if (invite(data, record.id)) throw new ConflictError(`An invite with id ${record.id} already exists.`)
        if (data.invites.some((i) => i.tokenHash === record.tokenHash)) {
          throw new ConflictError('An invite with this token already exists.')
        }
        data.invites.push(structuredClone(record))
      }),
    findInviteByTokenHash: async (hash) => structuredClone(db.data.invites.find((i) => i.tokenHash === hash)),
    getInvite: async (id) => structuredClone(invite(db.data, id)),
    listInvites: async (assessmentId) =>
      structuredClone(db.data.invites.filter((i) => i.assessmentId === assessmentId)).sort(
        byTimeThenId((i) => i.createdAt),
      ),
    revokeInvite: (id, at) =>
      change((data) => {
        const found = invite(data, id)
        if (!found) throw new NotFoundError(`No invite with id ${id}.`)
        found.revokedAt ??= at
        return structuredClone(found)
      }),

    addParticipant: (record) =>
      change((data) => {
        if (!assessment(data, record.assessmentId))
          throw new NotFoundError(`No assessment with id ${record.assessmentId}.`)
        if (!invite(data, record.inviteId)) throw new NotFoundError(`No invite with id ${record.inviteId}.`)
        if (data.participants.some((p) => p.id === record.id)) {
          throw new ConflictError(`A participant with id ${record.id} already exists.`)
        }
        data.participants.push(structuredClone(record))
      }),
    getParticipant: async (id) => structuredClone(db.data.participants.find((p) => p.id === id)),
    listParticipants: async (assessmentId) =>
      structuredClone(db.data.participants.filter((p) => p.assessmentId === assessmentId)).sort(
        byTimeThenId((p) => p.joinedAt),
      ),
    renameParticipant: (id, names) =>
      change((data) => {
        const found = data.participants.find((p) => p.id === id)
        if (!found) throw new NotFoundError(`No participant with id ${id}.`)
        found.displayName = names.displayName
        found.organisation = names.organisation
        return structuredClone(found)
      }),
    addEqualityAnswers: (assessmentId, personId, answers) =>
      change((data) => {
        if (!assessment(data, assessmentId)) throw new NotFoundError(`No assessment with id ${assessmentId}.`)
        data.equalityRespondents ??= []
        const respondents = data.equalityRespondents
        if (respondents.some((r) => r.assessmentId === assessmentId && r.personId === personId))
          throw new ConflictError('This person has already answered the equality questions.')
        respondents.push({ assessmentId, personId })
        // Inserted at a random place, so the file's order does not line answers up with who joined when.
        data.equalityAnswers ??= []
        const all = data.equalityAnswers
        all.splice(Math.floor(Math.random() * (all.length + 1)), 0, {
          assessmentId,
          answers: structuredClone(answers),
        })
      }),
    listEqualityAnswers: async (assessmentId) =>
      (db.data.equalityAnswers ?? [])
        .filter((e) => e.assessmentId === assessmentId)
        .map((e) => structuredClone(e.answers))
        .sort(byAnswers),
    hasAnsweredEquality: async (assessmentId, personId) =>
      (db.data.equalityRespondents ?? []).some(
        (r) => r.assessmentId === assessmentId && r.personId === personId,
      ),

    getSetting: async (key) => (Object.hasOwn(db.data.settings, key) ? db.data.settings[key] : undefined),
    setSetting: (key, value) =>
      change((data) => {
        Object.defineProperty(data.settings, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }),
    async setSettingIfAbsent(key, value) {
      await change((data) => {
        if (Object.hasOwn(data.settings, key)) return
        Object.defineProperty(data.settings, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      })
      return db.data.settings[key] ?? value
    },
    listSettings: async () => Object.fromEntries(Object.entries(db.data.settings)),

    ...staffMethods(() => db.data, change),
    ...embeddedSessionFeedbackMethods(() => db.data, change),

    async close() {
      await queue.run(async () => {
        closed = true
      })
    },
  }
}

/** Organisations, staff and their invites, over the same file and the same one-change-at-a-time rule. */
function staffMethods(
  current: () => MetadataFile,
  change: <T>(apply: (data: MetadataFile) => T) => Promise<T>,
): Pick<
  MetadataStore,
  | 'createOrganisation'
  | 'getOrganisation'
  | 'listOrganisations'
  | 'updateOrganisation'
  | 'createStaff'
  | 'getStaff'
  | 'findStaffByIdentity'
  | 'listStaff'
  | 'createStaffInvite'
  | 'findStaffInviteByTokenHash'
  | 'acceptStaffInvite'
> {
  const organisation = (data: MetadataFile, id: string) => (data.organisations ?? []).find((o) => o.id === id)
  const addStaff = (data: MetadataFile, record: StaffRecord) => {
    if (!organisation(data, record.organisationId))
      throw new NotFoundError(`No organisation with id ${record.organisationId}.`)
    data.staff ??= []
    const staff = data.staff
    if (staff.some((s) => s.id === record.id))
      throw new ConflictError(`Staff with id ${record.id} already exist.`)
    const identity = record.identity
    if (
      identity &&
      staff.some((s) => s.identity?.issuer === identity.issuer && s.identity.subject === identity.subject)
    )
      throw new ConflictError('Someone with this sign-in is already staff.')
    staff.push(structuredClone(record))
  }
  return {
    createOrganisation: (record) =>
      change((data) => {
        if (organisation(data, record.id))
          throw new ConflictError(`An organisation with id ${record.id} already exists.`)
        data.organisations ??= []
        data.organisations.push(structuredClone(record))
      }),
    getOrganisation: async (id) => structuredClone(organisation(current(), id)),
    listOrganisations: async () =>
      structuredClone(current().organisations ?? []).sort(byTimeThenId((o) => o.createdAt)),
    updateOrganisation: (id, update) =>
      change((data) => {
        const found = organisation(data, id)
        if (!found) throw new NotFoundError(`No organisation with id ${id}.`)
        found.name = update.name
        found.places = [...update.places]
        return structuredClone(found)
      }),
    createStaff: (record) => change((data) => addStaff(data, record)),
    getStaff: async (id) => structuredClone((current().staff ?? []).find((s) => s.id === id)),
    findStaffByIdentity: async (issuer, subject) =>
      structuredClone(
        (current().staff ?? []).find((s) => s.identity?.issuer === issuer && s.identity.subject === subject),
      ),
    listStaff: async (organisationId) =>
      structuredClone((current().staff ?? []).filter((s) => s.organisationId === organisationId)).sort(
        byTimeThenId((s) => s.createdAt),
      ),
    createStaffInvite: (record) =>
      change((data) => {
        if (!organisation(data, record.organisationId))
          throw new NotFoundError(`No organisation with id ${record.organisationId}.`)
        data.staffInvites ??= []
        const invites = data.staffInvites
        if (invites.some((i) => i.id === record.id || i.tokenHash === record.tokenHash))
          throw new ConflictError(`A staff invite with id ${record.id} or with this token already exists.`)
        invites.push(structuredClone(record))
      }),
    findStaffInviteByTokenHash: async (hash) =>
      structuredClone((current().staffInvites ?? []).find((i) => i.tokenHash === hash)),
    acceptStaffInvite: (inviteId, record) =>
      change((data) => {
        const found = (data.staffInvites ?? []).find((i) => i.id === inviteId)
        if (!found) throw new NotFoundError(`No staff invite with id ${inviteId}.`)
        if (found.usedAt) throw new ConflictError('This invite has already been used.')
        addStaff(data, record)
        found.usedAt = record.createdAt
      }),
  }
}

function checkShape(data: MetadataFile, path: string): void {
  const ok =
    data.version === 1 &&
    Array.isArray(data.assessments) &&
    Array.isArray(data.invites) &&
    Array.isArray(data.participants) &&
    typeof data.settings === 'object' &&
    data.settings !== null
  if (!ok)
    throw new Error(`${path} is not a Co-assess metadata file (version 1); the store will not start over it.`)
}
