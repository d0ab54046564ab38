import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { frameworkJsonSchemaText } from './frameworkJsonSchemaText.ts'
import { defaultRubricDir } from './rubricDir.ts'

describe('the committed JSON Schema', () => {
  it('is what the zod schema generates (run packages/framework/scripts/write-json-schema.ts after changing it)', async () => {
    const committed = await readFile(join(defaultRubricDir, 'schema', 'framework.schema.json'), 'utf8')
    expect(committed).toBe(frameworkJsonSchemaText())
  })
})
