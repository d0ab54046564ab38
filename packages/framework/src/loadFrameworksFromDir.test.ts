import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FrameworkFileError } from './FrameworkFileError.ts'
import { loadFrameworkFile } from './loadFrameworkFile.ts'
import { loadFrameworksFromDir } from './loadFrameworksFromDir.ts'
import { defaultRubricDir } from './rubricDir.ts'

let dir: string
const hwe = await readFile(join(defaultRubricDir, 'hwe-ten-principles.json'), 'utf8')
const withId = (id: string) => JSON.stringify({ ...JSON.parse(hwe), id })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'co-assess-rubric-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('loadFrameworksFromDir', () => {
  it('loads the repository’s rubric folder', async () => {
    const ids = (await loadFrameworksFromDir(defaultRubricDir)).map((f) => f.id)
    expect(ids).toEqual(['cqc-hi-2025', 'hwe-ten-principles'])
  })

  it('loads every *.json sorted by file name, skipping schema files, other files and folders', async () => {
    await writeFile(join(dir, 'b.json'), withId('bee'))
    await writeFile(join(dir, 'a.json'), withId('ay'))
    await writeFile(join(dir, 'framework.schema.json'), '{"type":"object"}')
    await writeFile(join(dir, 'README.md'), '# not a framework')
    await mkdir(join(dir, 'schema'))
    await writeFile(join(dir, 'schema', 'c.json'), 'not even JSON')
    expect((await loadFrameworksFromDir(dir)).map((f) => f.id)).toEqual(['ay', 'bee'])
  })

  it('refuses two files with the same framework id, naming both', async () => {
    await writeFile(join(dir, 'one.json'), withId('same'))
    await writeFile(join(dir, 'two.json'), withId('same'))
    const error = await loadFrameworksFromDir(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FrameworkFileError)
    expect((error as Error).message).toContain(join(dir, 'two.json'))
    expect((error as Error).message).toContain('id: framework id "same" is already used by one.json')
  })

  it('names the broken file', async () => {
    await writeFile(join(dir, 'good.json'), withId('good'))
    await writeFile(join(dir, 'half.json'), '{"id": "half",')
    const error = await loadFrameworksFromDir(dir).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/half\.json[\s\S]*not valid JSON/)
  })
})

describe('loadFrameworkFile', () => {
  it('says when the file cannot be read', async () => {
    const error = await loadFrameworkFile(join(dir, 'missing.json')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FrameworkFileError)
    expect((error as Error).message).toContain('missing.json')
    expect((error as Error).message).toContain('could not be read')
  })
})
