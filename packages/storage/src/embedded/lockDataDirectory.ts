import { readFile, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import type { StorageLogger } from '../storageLogger.ts'
import { StorageUnavailableError } from '../storageUnavailableError.ts'

interface LockOwner {
  pid: number
  host: string
}

/** Directories this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>()

/**
 * Two servers on one data directory would each rewrite metadata.json from their own memory and cut
 * each other's in-flight appends as torn tails: refuse that. Node has no flock, so the lock is a file
 * naming its owner. A lock whose process is gone (after a crash or SIGKILL) is taken over. Across
 * hosts or containers we cannot see the owner's process, so we take over with a warning rather than
 * refuse to start after every container replacement.
 */
export async function lockDataDirectory(dir: string, logger: StorageLogger): Promise<() => Promise<void>> {
  const key = resolve(dir)
  if (heldHere.has(key)) {
    throw new StorageUnavailableError(
      `The data directory ${dir} is already open in this process; close it first.`,
    )
  }
  const path = join(dir, 'LOCK')
  const me: LockOwner = { pid: process.pid, host: hostname() }
  const previous = await readOwner(path)
  if (previous && previous.pid !== me.pid && previous.host === me.host && isRunning(previous.pid)) {
    throw new StorageUnavailableError(
      `The data directory ${dir} is in use by another process (pid ${previous.pid}). Stop it first, or use another directory. If no such process is running, delete ${path}.`,
    )
  }
  if (previous && previous.host !== me.host) {
    logger.warn(
      { lockFile: path, previousOwner: previous },
      'Taking over a data directory last opened on another host; make sure no other server uses it',
    )
  }
  await writeFile(path, `${JSON.stringify(me)}\n`)
  heldHere.add(key)
  return async () => {
    heldHere.delete(key)
    await unlink(path).catch(() => {})
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string')
      return { pid: parsed.pid, host: parsed.host }
    return undefined
  } catch {
    return undefined
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
