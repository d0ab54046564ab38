import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { type StorageLogger, silentLogger } from '../storageLogger.ts'
import type { Storage } from '../storagePort.ts'
import { StorageUnavailableError } from '../storageUnavailableError.ts'
import { createEmbeddedDocumentStore } from './embeddedDocumentStore.ts'
import { openEmbeddedMetadataStore } from './embeddedMetadataStore.ts'
import { fsyncDirectory } from './fsyncDirectory.ts'
import { lockDataDirectory } from './lockDataDirectory.ts'
import { writeFileDurably } from './writeFileDurably.ts'

export interface EmbeddedStorageOptions {
  /** Holds metadata.json and docs/; created if missing. */
  dir: string
  /** Warnings about recovered logs go here (pino-compatible); silent by default. */
  logger?: StorageLogger
}

/** The default store: everything in one directory on local disk, no other service needed. */
export async function openEmbeddedStorage(options: EmbeddedStorageOptions): Promise<Storage> {
  const { dir, logger = silentLogger } = options
  const docsDir = join(dir, 'docs')
  await mkdir(docsDir, { recursive: true })
  await fsyncDirectory(dir)
  const unlock = await lockDataDirectory(dir, logger)
  let metadata: Awaited<ReturnType<typeof openEmbeddedMetadataStore>>
  try {
    metadata = await openEmbeddedMetadataStore(join(dir, 'metadata.json'))
  } catch (error) {
    await unlock()
    throw error
  }
  const documents = createEmbeddedDocumentStore({ docsDir, logger })
  let closing: Promise<void> | undefined
  return {
    metadata,
    documents,
    describe: () => `embedded store at ${dir}`,
    async checkWritable() {
      if (closing) throw new StorageUnavailableError(`The embedded store at ${dir} is closed.`)
      // Written the way metadata.json is (temp file, fsync, rename, fsync the directory), so a disk
      // that could not take a save fails here the same way.
      await writeFileDurably(join(dir, 'ready-probe'), new Date().toISOString())
    },
    close: () => {
      closing ??= (async () => {
        try {
          await documents.close()
          await metadata.close()
        } finally {
          await unlock()
        }
      })()
      return closing
    },
  }
}
