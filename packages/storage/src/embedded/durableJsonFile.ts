import type { Adapter } from 'lowdb'
import { readFileIfExists } from './readFileIfExists.ts'
import { writeFileDurably } from './writeFileDurably.ts'

/**
 * lowdb's own JSONFile writes through steno, which renames its temp file without an fsync first: after
 * a power cut the renamed file can be empty. This adapter adds the fsyncs and refuses to read a damaged
 * file as an empty store.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #path: string

  constructor(path: string) {
    this.#path = path
  }

  async read(): Promise<T | null> {
    const text = await readFileIfExists(this.#path)
    if (text === null) return null
    try {
      return JSON.parse(text.toString('utf8')) as T
    } catch (error) {
      throw new Error(
        `${this.#path} is not valid JSON, so the store will not start (starting empty would hide every assessment). Restore it from a backup.`,
        { cause: error },
      )
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.#path, `${JSON.stringify(data, null, 2)}\n`)
  }
}
