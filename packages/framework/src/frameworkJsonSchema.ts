import { z } from 'zod'
import { frameworkSchema } from './schema.ts'

/**
 * The format as JSON Schema, for editors and other tools (the committed copy is
 * rubric/schema/framework.schema.json). Cross-field rules (one entry per level, unique ids) cannot
 * be said in JSON Schema; only `parseFramework` checks them.
 */
export function frameworkJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(frameworkSchema, { target: 'draft-2020-12' }) as Record<string, unknown>
}
