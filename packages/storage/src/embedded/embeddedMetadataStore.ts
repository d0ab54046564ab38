import { Low } from 'lowdb'
import { applyAssessmentPatch } from '../applyAssessmentPatch.ts'
import { byTimeThenId } from '../compareRecords.ts'
import { ConflictError } from '../conflictError.ts'
import { NotFoundError } from '../notFoundError.ts'
import type { AssessmentRecord, InviteRecord, ParticipantRecord } from '../records.ts'
import type { MetadataStore } from '../storagePort.ts'
import { DurableJsonFile } from './durableJsonFile.ts'
import { SerialQueue } from './serialQueue.ts'

/**
 * The whole metadata file. Arrays rather than objects keyed by id: an id such as "__proto__" cannot
 * corrupt them, and a workshop store holds hundreds of records, so a scan costs microseconds.
 */
interface MetadataFile {
  version: 1
  assessments: AssessmentRecord[]
  invites: InviteRecord[]
  participants: ParticipantRecord[]
  settings: Record<string, string>
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

    async close() {
      await queue.run(async () => {
        closed = true
      })
    },
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
