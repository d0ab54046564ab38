import type { Pool, PoolClient, QueryResultRow } from 'pg'
import type { ConnectionTarget } from './connectionTarget.ts'
import { unavailableError } from './unavailableError.ts'

export type Query = <R extends QueryResultRow>(text: string, values?: unknown[]) => Promise<R[]>

export interface Database {
  query: Query
  /** Runs `work` in one transaction on one connection, rolling back if it throws. */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>
}

/** Queries through the pool, with connection failures turned into a StorageUnavailableError a person can act on. */
export function createDatabase(pool: Pool, target: ConnectionTarget): Database {
  const translate = (error: unknown): never => {
    throw unavailableError(error, target) ?? error
  }
  const queryOn =
    (runner: Pool | PoolClient): Query =>
    async <R extends QueryResultRow>(text: string, values?: unknown[]) => {
      try {
        return (await runner.query<R>(text, values)).rows
      } catch (error) {
        return translate(error)
      }
    }

  return {
    query: queryOn(pool),
    async transaction(work) {
      const client = await pool.connect().catch(translate)
      let broken: Error | undefined
      try {
        const query = queryOn(client)
        await query('BEGIN')
        try {
          const result = await work(query)
          await query('COMMIT')
          return result
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: Error) => {
            broken = rollbackError
          })
          throw error
        }
      } finally {
        // A connection that could not roll back is discarded, not handed to the next caller.
        client.release(broken)
      }
    },
  }
}

/** The SQLSTATE of a PostgreSQL error, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
