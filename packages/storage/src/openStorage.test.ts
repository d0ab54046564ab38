import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStorageFromEnv } from './openStorage.ts'
import { StorageUnavailableError } from './storageUnavailableError.ts'

describe('openStorageFromEnv', () => {
  it('opens the embedded store in the data directory when no database URL is set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'co-assess-env-'))
    try {
      for (const databaseUrl of [undefined, '', '  ']) {
        const storage = await openStorageFromEnv({ dataDir: dir, databaseUrl })
        expect(storage.describe()).toBe(`embedded store at ${dir}`)
        await storage.close()
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('uses PostgreSQL when a database URL is set, and says plainly when it cannot reach it', async () => {
    await expect(
      openStorageFromEnv({ dataDir: '/nonexistent', databaseUrl: 'postgres://u:pw-not-shown@127.0.0.1:1/x' }),
    ).rejects.toThrow(
      new StorageUnavailableError(
        'Cannot reach PostgreSQL at 127.0.0.1:1: connection refused. Check DATABASE_URL.',
      ),
    )
  })
})
