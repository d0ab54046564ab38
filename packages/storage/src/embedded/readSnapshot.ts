import { readFrameAt } from './logFrame.ts'
import { readFileIfExists } from './readFileIfExists.ts'

/**
 * A snapshot is one frame, so a damaged one is detected rather than merged in as garbage. It is
 * replaced only by rename, so damage means the disk failed: refuse to load rather than silently serve
 * an assessment missing everything the snapshot held.
 */
export async function readSnapshot(path: string): Promise<Buffer | null> {
  const buffer = await readFileIfExists(path)
  if (!buffer) return null
  const frame = readFrameAt(buffer, 0)
  if (!frame || frame.end !== buffer.length) {
    throw new Error(
      `The snapshot ${path} is damaged (its checksum does not match). Restore it from a backup; the document is not loaded so nothing more is written over it.`,
    )
  }
  return frame.payload
}
