import { constants, copyFile, open } from 'node:fs/promises'
import { dirname } from 'node:path'
import { mergeStoredUpdates } from '../mergeStoredUpdates.ts'
import type { StorageLogger } from '../storageLogger.ts'
import { describeUnrestorable, findUnrestorable, type Unrestorable } from '../unrestorable.ts'
import { fsyncDirectory } from './fsyncDirectory.ts'
import { readFileIfExists } from './readFileIfExists.ts'
import { readSnapshot } from './readSnapshot.ts'
import { scanLog } from './scanLog.ts'
import { writeFileDurably } from './writeFileDurably.ts'

export interface RecoveredLog {
  /** Length of the log after recovery: every byte before it belongs to an intact frame. */
  bytes: number
  frameCount: number
}

/**
 * Makes a document log safe to append to before anything else touches it.
 *
 * A torn tail (damage that runs to the end of the file) is what a crash during an append leaves: an
 * append resolves only after its fsync, so no one was ever told those bytes were saved. It is cut off
 * with a warning and the store carries on.
 *
 * Damage with intact frames after it is something else (a bad disk, a stray write): updates that were
 * acknowledged would be lost by cutting there. We chose to warn loudly rather than throw, because
 * throwing takes the whole assessment offline in the middle of a workshop and the only remedy an
 * operator would have is the one applied here: the original file is copied aside byte for byte as
 * `<name>.log.corrupt-<timestamp>` for inspection, and the log is rewritten with every intact frame,
 * those after the damage included. Yjs keeps an update whose dependencies are missing as pending
 * rather than failing, so the later intact frames (often other people's independent edits) still count.
 * But a writer's changes after the lost frame wait on it for good (one bad byte hid 15 ticks), so the
 * warning says exactly how many stored changes cannot be restored and whose; `npm run check-store`
 * reports the same for every board later.
 */
export async function recoverLog(options: {
  documentName: string
  logPath: string
  /** The document's snapshot, read to work out what the damage costs the board. */
  snapPath: string
  logger: StorageLogger
}): Promise<RecoveredLog> {
  const { documentName, logPath, snapPath, logger } = options
  const buffer = await readFileIfExists(logPath)
  if (!buffer) return { bytes: 0, frameCount: 0 }
  const { frames, damage } = scanLog(buffer)
  const [first] = damage
  if (!first) return { bytes: buffer.length, frameCount: frames.length }

  if (damage.length === 1 && first.end === buffer.length) {
    const handle = await open(logPath, 'r+')
    try {
      await handle.truncate(first.start)
      await handle.sync()
    } finally {
      await handle.close()
    }
    logger.warn(
      { documentName, file: logPath, keptUpdates: frames.length, cutBytes: buffer.length - first.start },
      'Cut an unfinished write off the end of a document log (left by a crash); every update saved before it is intact',
    )
    return { bytes: first.start, frameCount: frames.length }
  }

  const asidePath = `${logPath}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`
  await copyFile(logPath, asidePath, constants.COPYFILE_EXCL)
  const aside = await open(asidePath, 'r')
  try {
    await aside.sync()
  } finally {
    await aside.close()
  }
  await fsyncDirectory(dirname(logPath))
  const intact = Buffer.concat(frames.map((frame) => buffer.subarray(frame.offset, frame.end)))
  await writeFileDurably(logPath, intact)
  const lost = await unrestorableAfter(
    snapPath,
    frames.map((frame) => frame.payload),
  )
  logger.warn(
    {
      documentName,
      file: logPath,
      originalCopiedTo: asidePath,
      keptUpdates: frames.length,
      damagedRanges: damage,
      damagedBytes: damage.reduce((sum, range) => sum + range.end - range.start, 0),
      ...(lost === 'unknown' ? { unrestorable: 'unknown: the snapshot could not be read' } : {}),
      ...(lost && lost !== 'unknown' ? { unrestorable: lost } : {}),
    },
    `DOCUMENT LOG DAMAGED: some stored updates of this document could not be read. The original file was copied aside and every intact frame kept. ${
      lost === null
        ? 'Nothing else on the board depended on the damaged part.'
        : lost === 'unknown'
          ? 'What the board lost could not be worked out because its snapshot is unreadable.'
          : `Not restored: ${describeUnrestorable(lost)}.`
    } Check the disk and inspect the copy`,
  )
  return { bytes: intact.length, frameCount: frames.length }
}

/** What the board cannot restore from its snapshot and the intact frames ('unknown' if the snapshot is unreadable). */
async function unrestorableAfter(
  snapPath: string,
  frames: Buffer[],
): Promise<Unrestorable | null | 'unknown'> {
  let snapshot: Buffer | null
  try {
    snapshot = await readSnapshot(snapPath)
  } catch {
    return 'unknown'
  }
  return findUnrestorable(mergeStoredUpdates(snapshot ? [snapshot, ...frames] : frames))
}
