import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { FrameworkFileError } from './FrameworkFileError.ts'
import { loadFrameworkFile } from './loadFrameworkFile.ts'
import type { Framework } from './types.ts'

/**
 * Loads every framework file (`*.json`, not `*.schema.json`, not in subfolders) in `dir`, sorted by
 * file name. Throws on the first file that is not valid, and when two files share a framework id,
 * since an assessment names its framework by id alone.
 */
export async function loadFrameworksFromDir(dir: string): Promise<Framework[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('.schema.json'))
    .map((e) => e.name)
    .sort()
  const frameworks: Framework[] = []
  const fileOfId = new Map<string, string>()
  for (const name of files) {
    const path = join(dir, name)
    const framework = await loadFrameworkFile(path)
    const earlier = fileOfId.get(framework.id)
    if (earlier !== undefined) {
      throw new FrameworkFileError(path, [
        { path: 'id', message: `framework id "${framework.id}" is already used by ${earlier}` },
      ])
    }
    fileOfId.set(framework.id, name)
    frameworks.push(framework)
  }
  return frameworks
}
