import pg from 'pg'
import { type StorageLogger, silentLogger } from '../storageLogger.ts'
import type { Storage } from '../storagePort.ts'
import { StorageUnavailableError } from '../storageUnavailableError.ts'
import { connectionTarget, hostAndPort } from './connectionTarget.ts'
import { createDatabase } from './database.ts'
import { createPostgresDocumentStore } from './postgresDocumentStore.ts'
import { createPostgresMetadataStore } from './postgresMetadataStore.ts'
import { runMigrations } from './runMigrations.ts'
import { unavailableError } from './unavailableError.ts'
import { withDefaultUser } from './withDefaultUser.ts'

export interface PostgresStorageOptions {
  /** postgres://user:password@host:5432/database */
  connectionString: string
  /** Warnings (idle connections dropped by the server) go here; silent by default. */
  logger?: StorageLogger
  /** Connections in the pool; 10 by default. */
  maxConnections?: number
}

/**
 * The store for running several server instances: everything in PostgreSQL. Opening migrates the
 * schema, so the first use of an empty database needs nothing else.
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const { connectionString, logger = silentLogger, maxConnections = 10 } = options
  const target = connectionTarget(connectionString)
  const pool = new pg.Pool({
    connectionString: withDefaultUser(connectionString),
    max: maxConnections,
    connectionTimeoutMillis: 10_000,
    application_name: 'co-assess',
  })
  // Without a listener, a server restart dropping an idle connection would crash the process.
  pool.on('error', (error) => {
    logger.warn({ err: error, database: hostAndPort(target) }, 'PostgreSQL dropped an idle connection')
  })
  try {
    await runMigrations(pool)
  } catch (error) {
    await pool.end().catch(() => {})
    throw unavailableError(error, target) ?? error
  }
  const db = createDatabase(pool, target)
  const metadata = createPostgresMetadataStore(db)
  let closing: Promise<void> | undefined
  return {
    metadata,
    documents: createPostgresDocumentStore(db),
    describe: () => `PostgreSQL database ${target.database} at ${hostAndPort(target)}`,
    async checkWritable() {
      if (closing) throw new StorageUnavailableError(`The connection to ${hostAndPort(target)} is closed.`)
      // A committed one-row write: a database that is read-only, out of disk or gone fails it.
      await metadata.setSetting('readyProbe', new Date().toISOString())
    },
    close: () => {
      closing ??= pool.end()
      return closing
    },
  }
}
