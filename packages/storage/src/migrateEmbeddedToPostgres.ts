import { join } from 'node:path'
import { type CopyReport, copyStorage } from './copyStorage.ts'
import { fileExists } from './embedded/fileExists.ts'
import { openEmbeddedStorage } from './embedded/openEmbeddedStorage.ts'
import { openPostgresStorage } from './postgres/openPostgresStorage.ts'
import type { StorageLogger } from './storageLogger.ts'

export interface MigrationReport extends CopyReport {
  from: string
  to: string
}

/**
 * Copies an embedded store (stop the server that uses it first: the store's lock file refuses a second
 * opener) into PostgreSQL, verifying each document after writing it. Safe to run again.
 */
export async function migrateEmbeddedToPostgres(options: {
  from: string
  to: string
  logger?: StorageLogger
}): Promise<MigrationReport> {
  const { from, to, logger } = options
  // Opening an embedded store creates it; a mistyped --from must not "migrate" a new empty one.
  if (!(await fileExists(join(from, 'metadata.json'))) && !(await fileExists(join(from, 'docs')))) {
    throw new Error(`There is no embedded store at ${from} (no metadata.json or docs/ there).`)
  }
  const source = await openEmbeddedStorage({ dir: from, logger })
  try {
    const target = await openPostgresStorage({ connectionString: to, logger })
    try {
      const report = await copyStorage(source, target)
      return { ...report, from: source.describe(), to: target.describe() }
    } finally {
      await target.close()
    }
  } finally {
    await source.close()
  }
}
