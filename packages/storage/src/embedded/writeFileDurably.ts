import { open, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fsyncDirectory } from './fsyncDirectory.ts'

/**
 * Replaces a file so that after a crash at any point it holds either the old content or the new,
 * never a mix or nothing: write a temp file, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  const temp = `${path}.tmp`
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, path)
  await fsyncDirectory(dirname(path))
}
