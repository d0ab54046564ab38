import { frameworkJsonSchema } from './frameworkJsonSchema.ts'

/** The JSON Schema file's exact text, shared by the script that writes it and the test that compares it. */
export function frameworkJsonSchemaText(): string {
  return `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`
}
