import type { FileHandle } from 'node:fs/promises'

/** A write may take fewer bytes than it was given; keep going until all of them are in. */
export async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null)
    offset += bytesWritten
  }
}
