import { openEmbeddedStorage } from './embedded/openEmbeddedStorage.ts'
import { openPostgresStorage } from './postgres/openPostgresStorage.ts'
import type { StorageLogger } from './storageLogger.ts'
import type { Storage } from './storagePort.ts'

export interface StorageFromEnvOptions {
  /** Where the embedded store keeps its files when no database URL is given. */
  dataDir: string
  /** DATABASE_URL: when set (non-empty), PostgreSQL is used instead of the embedded store. */
  databaseUrl?: string | undefined
  logger?: StorageLogger
}

/** The one place that chooses a store; nothing else in the server knows which one it is on. */
export function openStorageFromEnv(options: StorageFromEnvOptions): Promise<Storage> {
  const databaseUrl = options.databaseUrl?.trim()
  if (databaseUrl) return openPostgresStorage({ connectionString: databaseUrl, logger: options.logger })
  return openEmbeddedStorage({ dir: options.dataDir, logger: options.logger })
}
