import { type FileHandle, open } from 'node:fs/promises'
import { join } from 'node:path'
import { mergeStoredUpdates } from '../mergeStoredUpdates.ts'
import type { StorageLogger } from '../storageLogger.ts'
import { StorageUnavailableError } from '../storageUnavailableError.ts'
import { fileExists } from './fileExists.ts'
import { fsyncDirectory } from './fsyncDirectory.ts'
import { encodeFrame } from './logFrame.ts'
import { readFileIfExists } from './readFileIfExists.ts'
import { readSnapshot } from './readSnapshot.ts'
import { recoverLog } from './recoverLog.ts'
import { scanLog } from './scanLog.ts'
import { SerialQueue } from './serialQueue.ts'
import { writeAll } from './writeAll.ts'
import { writeFileDurably } from './writeFileDurably.ts'

interface PendingAppend {
  frame: Buffer
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * One document's files: `<name>.snap` (one frame holding a Yjs update) and `<name>.log` (frames
 * appended since). Every change to the files runs through one queue, so a load or a compaction
 * never sees half a batch and a compaction never truncates a batch it has not read.
 */
export class DocumentLog {
  readonly #dir: string
  readonly #logPath: string
  readonly #snapPath: string
  readonly #queue = new SerialQueue()
  #handle: FileHandle | undefined
  /** Every byte of the log before this offset is an intact, written frame. */
  #bytes: number
  #frameCount: number
  #pending: PendingAppend[] = []
  #draining: Promise<void> | undefined
  #broken: Error | undefined
  #closed = false

  private constructor(dir: string, name: string, recovered: { bytes: number; frameCount: number }) {
    this.#dir = dir
    this.#logPath = join(dir, `${name}.log`)
    this.#snapPath = join(dir, `${name}.snap`)
    this.#bytes = recovered.bytes
    this.#frameCount = recovered.frameCount
  }

  /** Recovers the log from any earlier crash first: appending after a torn tail would bury good frames behind it. */
  static async open(dir: string, name: string, logger: StorageLogger): Promise<DocumentLog> {
    const recovered = await recoverLog({
      documentName: name,
      logPath: join(dir, `${name}.log`),
      snapPath: join(dir, `${name}.snap`),
      logger,
    })
    return new DocumentLog(dir, name, recovered)
  }

  append(update: Uint8Array): Promise<void> {
    if (this.#closed) return Promise.reject(new StorageUnavailableError('The document store is closed.'))
    if (this.#broken) return Promise.reject(this.#broken)
    let frame: Buffer
    try {
      frame = encodeFrame(update)
    } catch (error) {
      return Promise.reject(error)
    }
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ frame, resolve, reject })
      this.#draining ??= this.#drain()
    })
  }

  /** Group commit: appends that arrive while a batch is being written and synced go out together next, one write and one fsync. */
  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      await this.#queue.run(async () => {
        const batch = this.#pending.splice(0)
        if (batch.length === 0) return
        try {
          await this.#writeBatch(batch.map((append) => append.frame))
          for (const append of batch) append.resolve()
        } catch (error) {
          for (const append of batch) append.reject(error)
        }
      })
    }
    this.#draining = undefined
  }

  async #writeBatch(frames: Buffer[]): Promise<void> {
    if (this.#broken) throw this.#broken
    const handle = await this.#appendHandle()
    const bytes = frames.length === 1 ? frames[0]! : Buffer.concat(frames)
    try {
      await writeAll(handle, bytes)
      await handle.datasync()
    } catch (error) {
      await this.#rollBack(handle)
      throw new StorageUnavailableError(
        `Could not save an update to ${this.#logPath}: ${(error as Error).message}`,
        {
          cause: error,
        },
      )
    }
    this.#bytes += bytes.length
    this.#frameCount += frames.length
  }

  /** A failed batch may have left part of itself in the file; cut it so later frames follow intact ones. */
  async #rollBack(handle: FileHandle): Promise<void> {
    try {
      await handle.truncate(this.#bytes)
      await handle.datasync()
    } catch (error) {
      this.#broken = new StorageUnavailableError(
        `The log ${this.#logPath} could not be restored after a failed write; restart the server to recover it.`,
        { cause: error },
      )
    }
  }

  async #appendHandle(): Promise<FileHandle> {
    if (this.#handle) return this.#handle
    const existed = await fileExists(this.#logPath)
    this.#handle = await open(this.#logPath, 'a')
    // A new file's name must reach the disk too, or a crash could lose the whole file despite fsync.
    if (!existed) await fsyncDirectory(this.#dir)
    return this.#handle
  }

  load(): Promise<Uint8Array | null> {
    return this.#queue.run(async () => {
      const snapshot = await readSnapshot(this.#snapPath)
      const frames = await this.#readFrames()
      return mergeStoredUpdates(snapshot ? [snapshot, ...frames] : frames)
    })
  }

  /**
   * The new snapshot merges the old one, every logged update and `state`: an update already in the
   * log but not yet applied to the caller's document is kept, whatever the caller passed.
   */
  compact(state: Uint8Array): Promise<void> {
    if (this.#closed) return Promise.reject(new StorageUnavailableError('The document store is closed.'))
    return this.#queue.run(async () => {
      const snapshot = await readSnapshot(this.#snapPath)
      const frames = await this.#readFrames()
      const merged = mergeStoredUpdates([...(snapshot ? [snapshot] : []), ...frames, state])
      if (!merged) return
      await writeFileDurably(this.#snapPath, encodeFrame(merged))
      // A crash here leaves the new snapshot beside the old log. Loading then replays updates the
      // snapshot already holds, which is harmless: applying a Yjs update twice is the same as once.
      await this.#truncateLog()
    })
  }

  async #truncateLog(): Promise<void> {
    if (this.#bytes === 0) return
    const handle = this.#handle ?? (await open(this.#logPath, 'r+'))
    try {
      await handle.truncate(0)
      await handle.datasync()
    } finally {
      if (handle !== this.#handle) await handle.close()
    }
    this.#bytes = 0
    this.#frameCount = 0
  }

  async #readFrames(): Promise<Buffer[]> {
    const buffer = (await readFileIfExists(this.#logPath)) ?? Buffer.alloc(0)
    const { frames, damage } = scanLog(buffer)
    if (damage.length > 0 || buffer.length !== this.#bytes) {
      throw new Error(
        `The log ${this.#logPath} changed while the store had it open (is another program writing to the data directory?). Restart the server to recover it.`,
      )
    }
    return frames.map((frame) => frame.payload)
  }

  /** Updates in the log since the last snapshot. */
  get length(): number {
    return this.#frameCount
  }

  /** Lets appends already queued finish, then releases the file. */
  async close(): Promise<void> {
    this.#closed = true
    await this.#draining
    await this.#queue.run(async () => {
      await this.#handle?.close()
      this.#handle = undefined
    })
  }
}
