import type { Pool } from 'pg'
import { MIGRATIONS } from './migrations.ts'

/** Any fixed number works; it only has to be the same in every process that migrates this schema. */
const MIGRATION_LOCK_KEY = 0x0c0a55e5

/**
 * Brings the schema up to date. Safe to run on every start and from several instances at once: the
 * advisory lock (scoped to this database) makes the others wait, then find nothing left to do. Each
 * step commits together with its row in schema_migrations.
 */
export async function runMigrations(pool: Pool): Promise<number[]> {
  const client = await pool.connect()
  const applied: number[] = []
  let failure: Error | undefined
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    try {
      await client.query(`
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`)
      const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
      const have = new Set(done.rows.map((row) => row.version))
      for (const migration of MIGRATIONS) {
        if (have.has(migration.version)) continue
        await client.query('BEGIN')
        try {
          await client.query(migration.sql)
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ])
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK')
          throw error
        }
        applied.push(migration.version)
      }
    } finally {
      // If the connection died the lock died with it; do not hide the first error behind this one.
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {})
    }
  } catch (error) {
    failure = error as Error
    throw error
  } finally {
    client.release(failure)
  }
  return applied
}
