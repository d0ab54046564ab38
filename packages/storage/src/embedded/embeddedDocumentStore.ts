import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { assertDocumentName } from '../assertDocumentName.ts'
import type { StorageLogger } from '../storageLogger.ts'
import type { DocumentStore } from '../storagePort.ts'
import { StorageUnavailableError } from '../storageUnavailableError.ts'
import { DocumentLog } from './documentLog.ts'
import { fsyncDirectory } from './fsyncDirectory.ts'

const STORED_NAME = /^([A-Za-z0-9_.-]{1,128})\.(log|snap)$/

/** A document's files: its log and snapshot, and whatever the store keeps beside them (`.tmp`, `.corrupt-<time>` copies). */
const filesOf = (name: string) =>
  new RegExp(`^${name.replaceAll('.', '\\.')}\\.(log|snap)(\\.[A-Za-z0-9_.-]+)?$`)

export interface EmbeddedDocumentStore extends DocumentStore {
  close(): Promise<void>
}

/** Documents as files under `docsDir`, one DocumentLog (and one open file handle) per document in use. */
export function createEmbeddedDocumentStore(options: {
  docsDir: string
  logger: StorageLogger
}): EmbeddedDocumentStore {
  const { docsDir, logger } = options
  const logs = new Map<string, Promise<DocumentLog>>()
  let closed = false

  const logFor = (name: string): Promise<DocumentLog> => {
    assertDocumentName(name)
    if (closed) return Promise.reject(new StorageUnavailableError('The document store is closed.'))
    let log = logs.get(name)
    if (!log) {
      log = DocumentLog.open(docsDir, name, logger)
      logs.set(name, log)
      // A failed open (say, an unreadable file) is retried on the next call rather than cached.
      log.catch(() => {
        if (logs.get(name) === log) logs.delete(name)
      })
    }
    return log
  }

  return {
    async appendUpdate(documentName, update) {
      await (await logFor(documentName)).append(update)
    },
    async loadDocument(documentName) {
      return (await logFor(documentName)).load()
    },
    async compact(documentName, state) {
      await (await logFor(documentName)).compact(state)
    },
    async logLength(documentName) {
      return (await logFor(documentName)).length
    },
    async listDocuments(prefix = '') {
      let entries: string[]
      try {
        entries = await readdir(docsDir)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw error
      }
      const snapshots = new Set<string>()
      const logsOnly: string[] = []
      for (const entry of entries) {
        const match = STORED_NAME.exec(entry)
        const name = match?.[1]
        if (!name || name.includes('..') || !name.startsWith(prefix)) continue
        if (match[2] === 'snap') snapshots.add(name)
        else logsOnly.push(name)
      }
      const names = new Set(snapshots)
      // A log left empty (by recovery cutting a torn first write) holds no document.
      for (const name of logsOnly) {
        if (!names.has(name) && (await stat(join(docsDir, `${name}.log`))).size > 0) names.add(name)
      }
      return [...names].sort()
    },
    async deleteDocument(documentName) {
      assertDocumentName(documentName)
      const open = logs.get(documentName)
      if (open) {
        logs.delete(documentName)
        // Lets queued appends finish and releases the file before it goes.
        await (await open.catch(() => undefined))?.close()
      }
      let entries: string[]
      try {
        entries = await readdir(docsDir)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
        throw error
      }
      const own = filesOf(documentName)
      const doomed = entries.filter((entry) => own.test(entry))
      await Promise.all(doomed.map((entry) => rm(join(docsDir, entry), { force: true })))
      // The removals must reach the disk, or a crash could bring the files back.
      if (doomed.length > 0) await fsyncDirectory(docsDir)
    },
    async close() {
      closed = true
      const opened = await Promise.allSettled(logs.values())
      await Promise.all(
        opened.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)),
      )
      logs.clear()
    },
  }
}
