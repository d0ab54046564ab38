import {
  actionSchema,
  agreedLevelSchema,
  commentSchema,
  entityIdSchema,
  focusSchema,
  metaSchema,
  peerSuggestionSchema,
  personSchema,
  roundSchema,
  sessionSchema,
  threadStateSchema,
  tickSchema,
  timerSchema,
} from '@co-assess/board-model'
import { z } from 'zod'

// The export file's shape, as one zod schema: the import validates a whole file before it writes anything.

export const EXPORT_FORMAT = 'co-assess-board'
export const EXPORT_VERSION = 1

export type NoteNode =
  | { type: 'element'; name: string; attributes: Record<string, unknown>; children: NoteNode[] }
  | { type: 'text'; delta: Array<{ insert: string; attributes?: Record<string, unknown> }> }

const noteNodeSchema: z.ZodType<NoteNode> = z.lazy(() =>
  z.union([
    z.strictObject({
      type: z.literal('element'),
      name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'is not an element name'),
      attributes: z.record(z.string().max(64), z.unknown()),
      children: z.array(noteNodeSchema).max(5000),
    }),
    z.strictObject({
      type: z.literal('text'),
      delta: z
        .array(
          z.strictObject({
            insert: z.string().max(100_000),
            attributes: z.record(z.string().max(64), z.unknown()).optional(),
          }),
        )
        .max(5000),
    }),
  ]),
)

const ownedKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{4,64}\/[A-Za-z0-9._-]{1,80}$/, 'is not a "person/thing" key')
const areaKey = z.string().regex(/^[A-Za-z0-9-]{1,16}$/, 'is not an area id')

const liveValueSchema = z.union([focusSchema, roundSchema, timerSchema, entityIdSchema, z.null()])

export const boardExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}": this is not a Co-assess export` }),
  version: z.literal(EXPORT_VERSION, { error: `must be ${EXPORT_VERSION}` }),
  exportedAt: z.string().max(40),
  assessment: z.strictObject({
    title: z.string().trim().min(1).max(200),
    frameworkId: z.string().max(64),
    frameworkVersion: z.string().max(32),
    scope: z.enum(['strategic', 'operational']),
    workstream: z.string().trim().min(1).max(200),
    createdAt: z.string().max(40),
  }),
  board: z.strictObject({
    meta: metaSchema,
    people: z.record(entityIdSchema, personSchema),
    ticks: z.record(ownedKey, tickSchema),
    agreed: z.record(areaKey, agreedLevelSchema),
    comments: z.record(entityIdSchema, commentSchema),
    threads: z.record(entityIdSchema, threadStateSchema),
    actions: z.record(entityIdSchema, actionSchema),
    peer: z.record(ownedKey, peerSuggestionSchema),
    sessions: z.record(entityIdSchema, sessionSchema),
    live: z.record(z.string().max(80), liveValueSchema),
    notes: z.record(areaKey, z.array(noteNodeSchema).max(5000)),
  }),
})
export type BoardExport = z.infer<typeof boardExportSchema>
