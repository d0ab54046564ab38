import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anAssessment, anInvite, aParticipant } from '../test/recordFixtures.ts'
import { createTestDatabase, postgresReachable, type TestDatabase, testServer } from '../test/testDatabase.ts'
import { sameYState } from './compareYState.ts'
import { openEmbeddedStorage } from './embedded/openEmbeddedStorage.ts'
import { migrateEmbeddedToPostgres } from './migrateEmbeddedToPostgres.ts'
import { openPostgresStorage } from './postgres/openPostgresStorage.ts'
import type { Storage } from './storagePort.ts'

const reachable = await postgresReachable()
if (!reachable) console.log(`PostgreSQL not reachable at ${testServer}: skipping the migration command tests`)

const script = fileURLToPath(new URL('../scripts/migrate-to-postgres.ts', import.meta.url))

/** Every record and document of a store, in a form two stores can be compared by. */
async function contents(storage: Storage) {
  const assessments = await storage.metadata.listAssessments()
  const documents: Record<string, Uint8Array | null> = {}
  for (const name of await storage.documents.listDocuments())
    documents[name] = await storage.documents.loadDocument(name)
  return {
    assessments,
    invites: await Promise.all(assessments.map((a) => storage.metadata.listInvites(a.id))),
    participants: await Promise.all(assessments.map((a) => storage.metadata.listParticipants(a.id))),
    settings: await storage.metadata.listSettings(),
    organisations: await storage.metadata.listOrganisations(),
    staff: await storage.metadata.listStaff('org-1'),
    documents,
  }
}

function expectSameContents(
  a: Awaited<ReturnType<typeof contents>>,
  b: Awaited<ReturnType<typeof contents>>,
) {
  expect(b.assessments).toEqual(a.assessments)
  expect(b.invites).toEqual(a.invites)
  expect(b.participants).toEqual(a.participants)
  expect(b.settings).toEqual(a.settings)
  expect(b.organisations).toEqual(a.organisations)
  expect(b.staff).toEqual(a.staff)
  expect(Object.keys(b.documents)).toEqual(Object.keys(a.documents))
  for (const [name, state] of Object.entries(a.documents))
    expect(sameYState(b.documents[name]!, state!)).toBe(true)
}

describe.skipIf(!reachable)('migrating an embedded store to PostgreSQL', () => {
  let dir: string
  let database: TestDatabase
  const editor = new Y.Doc()

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'co-assess-migrate-'))
    database = await createTestDatabase()
    const store = await openEmbeddedStorage({ dir })
    const publication = {
      publishedAt: '2025-07-01T00:00:00.000Z',
      withdrawnAt: null,
      content: { said: ['x'], n: 2 },
    }
    await store.metadata.createOrganisation({
      id: 'org-1',
      name: 'North Loamshire ICS',
      places: ['Eastbridge'],
      createdAt: '2025-02-01T00:00:00.000Z',
    })
    await store.metadata.createStaff({
      id: 'staff-1',
      organisationId: 'org-1',
      name: 'Aisha Khan',
      role: 'lead',
      identity: { issuer: 'https://login.example', subject: 'aisha' },
      createdAt: '2025-02-02T00:00:00.000Z',
    })
    await store.metadata.createAssessment(
      anAssessment({
        organisationId: 'org-1',
        plan: { place: 'Eastbridge', areaIds: ['1a'], horizon: 'looking-back', sessionDates: [] },
      }),
    )
    await store.metadata.createAssessment(
      anAssessment({ id: 'asmt-2', previousAssessmentId: 'asmt-1', publication }),
    )
    await store.metadata.createInvite(anInvite())
    await store.metadata.createInvite(
      anInvite({ id: 'inv-2', tokenHash: 'h2', role: 'chair', createdBy: 'admin' }),
    )
    await store.metadata.revokeInvite('inv-2', '2025-03-05T00:00:00.000Z')
    await store.metadata.addParticipant(aParticipant())
    await store.metadata.setSetting('tokenSigningKey', 'secret-key')
    await store.metadata.setSetting('adminKeyHash', 'scrypt$hash')

    const updates: Uint8Array[] = []
    editor.on('update', (update: Uint8Array) => updates.push(update))
    editor.getText('notes').insert(0, 'Before the snapshot. ')
    for (const update of updates.splice(0)) await store.documents.appendUpdate('asmt-1', update)
    await store.documents.compact('asmt-1', Y.encodeStateAsUpdate(editor))
    editor.getText('notes').insert(0, 'After it. ')
    editor.getText('notes').delete(0, 3)
    for (const update of updates.splice(0)) await store.documents.appendUpdate('asmt-1', update)
    const other = new Y.Doc()
    other.getMap('ticks').set('1a/emerging/1', true)
    await store.documents.appendUpdate('asmt-2', Y.encodeStateAsUpdate(other))
    await store.close()
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
    await database?.drop()
  })

  const bothStores = async <T>(read: (embedded: Storage, postgres: Storage) => Promise<T>) => {
    const embedded = await openEmbeddedStorage({ dir })
    const postgres = await openPostgresStorage({ connectionString: database.url })
    try {
      return await read(embedded, postgres)
    } finally {
      await Promise.all([embedded.close(), postgres.close()])
    }
  }

  it('copies every record and document, verified', async () => {
    const report = await migrateEmbeddedToPostgres({ from: dir, to: database.url })
    expect(report).toMatchObject({
      assessments: { copied: 2, alreadyThere: 0, differing: [] },
      invites: { copied: 2, alreadyThere: 0, differing: [] },
      participants: { copied: 1, alreadyThere: 0, differing: [] },
      settings: { copied: 2, alreadyThere: 0, differing: [] },
      documents: { copied: 2, alreadyThere: 0, merged: 0 },
    })
    await bothStores(async (embedded, postgres) => {
      expectSameContents(await contents(embedded), await contents(postgres))
      const loaded = new Y.Doc()
      Y.applyUpdate(loaded, (await postgres.documents.loadDocument('asmt-1'))!)
      expect(loaded.getText('notes').toString()).toBe('er it. Before the snapshot. ')
    })
  })

  it('changes nothing when run again, and says so', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      script,
      '--from',
      dir,
      '--to',
      database.url,
    ])
    expect(stdout).toContain('assessments: 0 copied, 2 already there')
    expect(stdout).toContain('documents: 0 copied, 2 already there, 0 merged')
    expect(stdout).not.toContain('secret-key')
    await bothStores(async (embedded, postgres) => {
      expectSameContents(await contents(embedded), await contents(postgres))
    })
  })

  it('merges a document edited on both sides since, and keeps the target version of a changed record', async () => {
    await bothStores(async (embedded, postgres) => {
      const onTarget = new Y.Doc()
      onTarget.getMap('ticks').set('added in PostgreSQL', true)
      await postgres.documents.appendUpdate('asmt-1', Y.encodeStateAsUpdate(onTarget))
      const updates: Uint8Array[] = []
      editor.on('update', (update: Uint8Array) => updates.push(update))
      editor.getMap('ticks').set('added to the embedded store', true)
      for (const update of updates) await embedded.documents.appendUpdate('asmt-1', update)
      await postgres.metadata.updateAssessment('asmt-2', { title: 'Renamed after the switch' })
    })
    const report = await migrateEmbeddedToPostgres({ from: dir, to: database.url })
    expect(report.documents).toEqual({ copied: 0, alreadyThere: 1, merged: 1 })
    expect(report.assessments).toEqual({ copied: 0, alreadyThere: 1, differing: ['asmt-2'] })
    await bothStores(async (_embedded, postgres) => {
      const loaded = new Y.Doc()
      Y.applyUpdate(loaded, (await postgres.documents.loadDocument('asmt-1'))!)
      expect(loaded.getMap('ticks').toJSON()).toEqual({
        'added in PostgreSQL': true,
        'added to the embedded store': true,
      })
      expect((await postgres.metadata.getAssessment('asmt-2'))?.title).toBe('Renamed after the switch')
    })
  })

  it('refuses a --from that holds no store, rather than creating one', async () => {
    const { stderr } = await promisify(execFile)(process.execPath, [
      script,
      '--from',
      join(dir, 'typo'),
      '--to',
      database.url,
    ]).catch((error: { stderr: string; code: number }) => {
      expect(error.code).toBe(1)
      return error
    })
    expect(stderr).toContain(`There is no embedded store at ${join(dir, 'typo')}`)
  })
})
