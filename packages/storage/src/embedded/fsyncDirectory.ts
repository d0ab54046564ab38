import { open } from 'node:fs/promises'

/**
 * A created, renamed or removed file is only durable once its directory entry is: fsync the
 * directory too. Platforms that cannot open a directory for syncing (Windows) skip this.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error
  } finally {
    await handle?.close()
  }
}
