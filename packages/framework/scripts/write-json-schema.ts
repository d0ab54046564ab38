// Writes rubric/schema/framework.schema.json from the zod schema. Run after changing src/schema.ts:
//   node packages/framework/scripts/write-json-schema.ts
// A test fails while the committed file differs from what this writes.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { frameworkJsonSchemaText } from '../src/frameworkJsonSchemaText.ts'
import { defaultRubricDir } from '../src/rubricDir.ts'

const target = join(defaultRubricDir, 'schema', 'framework.schema.json')
await mkdir(dirname(target), { recursive: true })
await writeFile(target, frameworkJsonSchemaText())
console.log(`Wrote ${target}`)
