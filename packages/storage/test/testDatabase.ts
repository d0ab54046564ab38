import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { connectionTarget, hostAndPort } from '../src/postgres/connectionTarget.ts'
import { withDefaultUser } from '../src/postgres/withDefaultUser.ts'

/** The server tests run against; its `test` database is only used to create and drop throwaway ones. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test'

export const testServer = hostAndPort(connectionTarget(TEST_DATABASE_URL))

/** Whether the test server answers, so the PostgreSQL suites can skip (saying so) on a machine without one. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: withDefaultUser(TEST_DATABASE_URL),
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

/** A fresh database `co_assess_test_<random>` for one test file, dropped afterwards: tests never share state. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `co_assess_test_${randomBytes(6).toString('hex')}`
  await adminQuery(`CREATE DATABASE ${name}`)
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDefaultUser(TEST_DATABASE_URL) })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
