import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anAssessment } from '../../test/recordFixtures.ts'
import { describeStorageContract } from '../../test/storageContract.ts'
import {
  createTestDatabase,
  postgresReachable,
  type TestDatabase,
  testServer,
} from '../../test/testDatabase.ts'
import { StorageUnavailableError } from '../storageUnavailableError.ts'
import { MIGRATIONS } from './migrations.ts'
import { openPostgresStorage } from './openPostgresStorage.ts'
import { runMigrations } from './runMigrations.ts'
import { withDefaultUser } from './withDefaultUser.ts'

const reachable = await postgresReachable()
if (!reachable)
  console.log(`PostgreSQL not reachable at ${testServer}: skipping the PostgreSQL storage tests`)

describe.skipIf(!reachable)('postgres', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })

  const truncateAll = async () => {
    const client = new pg.Client({ connectionString: withDefaultUser(database.url) })
    await client.connect()
    try {
      await client.query(
        'TRUNCATE session_feedback, session_feedback_markers, equality_answers, equality_respondents, participants, invites, assessments, settings, document_updates, document_snapshots, staff_invites, staff, organisations RESTART IDENTITY',
      )
    } finally {
      await client.end()
    }
  }

  describeStorageContract(
    'postgres',
    () => openPostgresStorage({ connectionString: database.url }),
    truncateAll,
  )

  describe('postgres: schema and connections', () => {
    it('migrates once, however often and from however many pools it is opened', async () => {
      const opened = await Promise.all(
        Array.from({ length: 4 }, () => openPostgresStorage({ connectionString: database.url })),
      )
      await opened[0]!.metadata.createAssessment(anAssessment({ id: 'survives-migrations' }))
      const pools = Array.from(
        { length: 3 },
        () => new pg.Pool({ connectionString: withDefaultUser(database.url) }),
      )
      try {
        const applied = await Promise.all(pools.map((pool) => runMigrations(pool)))
        expect(applied).toEqual([[], [], []])
        const [row] = (await pools[0]!.query('SELECT count(*)::int AS n FROM schema_migrations')).rows
        expect(row).toEqual({ n: MIGRATIONS.length })
      } finally {
        await Promise.all(pools.map((pool) => pool.end()))
      }
      expect(await opened[3]!.metadata.getAssessment('survives-migrations')).toEqual(
        anAssessment({ id: 'survives-migrations' }),
      )
      await Promise.all(opened.map((storage) => storage.close()))
      await truncateAll()
    })

    it('migrates a new database exactly once when two pools open it at the same moment', async () => {
      const fresh = await createTestDatabase()
      try {
        const [a, b] = await Promise.all([
          openPostgresStorage({ connectionString: fresh.url }),
          openPostgresStorage({ connectionString: fresh.url }),
        ])
        const pool = new pg.Pool({ connectionString: withDefaultUser(fresh.url) })
        const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version')
        await pool.end()
        expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })))
        await a!.metadata.setSetting('k', 'from a')
        expect(await b!.metadata.getSetting('k')).toBe('from a')
        await Promise.all([a!.close(), b!.close()])
      } finally {
        await fresh.drop()
      }
    })

    it('keeps updates another instance logged while this one compacted', async () => {
      const first = await openPostgresStorage({ connectionString: database.url })
      const second = await openPostgresStorage({ connectionString: database.url })
      try {
        const seen = new Y.Doc()
        seen.getMap('ticks').set('seen by first', true)
        await first.documents.appendUpdate('shared', Y.encodeStateAsUpdate(seen))
        const other = new Y.Doc()
        other.getMap('ticks').set('only on second', true)
        await second.documents.appendUpdate('shared', Y.encodeStateAsUpdate(other))
        await first.documents.compact('shared', Y.encodeStateAsUpdate(seen))
        const loaded = new Y.Doc()
        Y.applyUpdate(loaded, (await second.documents.loadDocument('shared'))!)
        expect(loaded.getMap('ticks').toJSON()).toEqual({ 'seen by first': true, 'only on second': true })
        expect(await second.documents.logLength('shared')).toBe(0)
      } finally {
        await Promise.all([first.close(), second.close()])
        await truncateAll()
      }
    })

    it('says which server it cannot reach, and never prints the password', async () => {
      const attempt = openPostgresStorage({
        connectionString: 'postgres://app:hunter2-secret@127.0.0.1:1/co_assess',
      })
      await expect(attempt).rejects.toBeInstanceOf(StorageUnavailableError)
      await expect(attempt).rejects.toThrow(
        'Cannot reach PostgreSQL at 127.0.0.1:1: connection refused. Check DATABASE_URL.',
      )
      const error = await attempt.then(
        () => new Error('opened'),
        (e: unknown) => e as Error,
      )
      expect(`${error.message} ${error.stack}`).not.toContain('hunter2')
    })

    it('says when the database named in the URL does not exist', async () => {
      const url = new URL(database.url)
      url.pathname = '/co_assess_no_such_database'
      await expect(openPostgresStorage({ connectionString: url.toString() })).rejects.toThrow(
        /Cannot reach PostgreSQL at .*: the database does not exist/,
      )
    })

    it('describes itself without credentials', async () => {
      const url = new URL(database.url)
      url.username = 'root'
      url.password = 'not-printed'
      const storage = await openPostgresStorage({ connectionString: url.toString() }).catch(() => undefined)
      const described = storage?.describe() ?? ''
      await storage?.close()
      expect(described).not.toContain('not-printed')
    })
  })
})
