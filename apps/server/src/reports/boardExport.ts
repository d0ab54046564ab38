import {
  actionSchema,
  agreedLevelSchema,
  commentSchema,
  entityIdSchema,
  evidenceMarkSchema,
  evidenceSchema,
  focusSchema,
  metaSchema,
  moderationSchema,
  peerSuggestionSchema,
  personSchema,
  previousAreaSchema,
  recordedParticipantSchema,
  reviewEventSchema,
  roundSchema,
  sessionSchema,
  threadStateSchema,
  tickSchema,
  timerSchema,
} from '@co-assess/board-model'
import { z } from 'zod'
import { personText } from '../http/fieldSchemas.ts'

// The export file's shape, as one zod schema: the import validates a whole file before it writes anything.

export const EXPORT_FORMAT = 'co-assess-board'
export const EXPORT_VERSION = 1

export type NoteNode =
  | { type: 'element'; name: string; attributes: Record<string, unknown>; children: NoteNode[] }
  | { type: 'text'; delta: Array<{ insert: string; attributes?: Record<string, unknown> }> }

const attributesSchema = z.record(z.string().max(64), z.unknown())

/** One note node with its children left unchecked: noteNodesSchema walks them. */
const shallowNoteNodeSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('element'),
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'is not an element name'),
    attributes: attributesSchema,
    children: z.array(z.unknown()).max(5000),
  }),
  z.strictObject({
    type: z.literal('text'),
    delta: z
      .array(z.strictObject({ insert: z.string().max(100_000), attributes: attributesSchema.optional() }))
      .max(5000),
  }),
])

type Pending = { value: unknown; key: Array<string | number>; parent: Pending | null }

function pathOf(at: Pending): Array<string | number> {
  const path: Array<string | number> = []
  for (let step: Pending | null = at; step; step = step.parent) path.unshift(...step.key)
  return path
}

/**
 * An area's note nodes, checked node by node with a stack of its own rather than a recursive
 * (z.lazy) schema: a note the board accepted can be thousands of levels deep, and recursing on that
 * depth overflowed the call stack, so a file the server had exported itself got a 500 on import.
 * The first bad node is reported with its whole path, as any other field is.
 */
const noteNodesSchema = z
  .array(z.unknown())
  .max(5000)
  .superRefine((nodes, ctx) => {
    const stack: Pending[] = nodes.map((value, i) => ({ value, key: [i], parent: null })).reverse()
    while (stack.length > 0) {
      const at = stack.pop()!
      const checked = shallowNoteNodeSchema.safeParse(at.value)
      if (!checked.success) {
        const issue = checked.error.issues[0]!
        ctx.addIssue({ code: 'custom', message: issue.message, path: [...pathOf(at), ...issue.path] })
        return
      }
      if (checked.data.type !== 'element') continue
      const { children } = checked.data
      for (let i = children.length - 1; i >= 0; i--)
        stack.push({ value: children[i], key: ['children', i], parent: at })
    }
  }) as unknown as z.ZodType<NoteNode[]>

const ownedKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{4,64}\/[A-Za-z0-9._-]{1,80}$/, 'is not a "person/thing" key')
const areaKey = z.string().regex(/^[A-Za-z0-9-]{1,16}$/, 'is not an area id')

const liveValueSchema = z.union([focusSchema, roundSchema, timerSchema, entityIdSchema, z.null()])

export const boardExportSchema = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}": this is not a Co-assess export` }),
    version: z.literal(EXPORT_VERSION, { error: `must be ${EXPORT_VERSION}` }),
    exportedAt: z.string().max(40),
    assessment: z.strictObject({
      title: personText('Title', 200),
      frameworkId: z.string().max(64),
      frameworkVersion: z.string().max(32),
      scope: z.enum(['strategic', 'operational']),
      workstream: personText('Workstream', 200),
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
      notes: z.record(areaKey, noteNodesSchema),
      // Optional, so exports made before evidence records existed still import.
      evidence: z.record(entityIdSchema, evidenceSchema).optional(),
      evidenceMarks: z.record(ownedKey, evidenceMarkSchema).optional(),
      previous: z.record(areaKey, previousAreaSchema).optional(),
      // Hidden comments' records (never their words, which the board no longer holds) and the peer
      // review's closings; optional for exports made before them.
      moderation: z.record(z.string().max(80), moderationSchema).optional(),
      reviewLog: z.record(z.string().max(40), reviewEventSchema).optional(),
      // People who took part on paper or by phone, and who entered them; optional for older exports.
      recorded: z.record(entityIdSchema, recordedParticipantSchema).optional(),
    }),
  })
  .superRefine(({ assessment, board }, ctx) => {
    // What the live board could never hold: people keyed by another id, ticks and peer suggestions
    // of people who are not on it, a board that names another framework than its assessment.
    // Checks against the framework itself are in exportFit.ts, which needs the server's frameworks.
    const refuse = (path: Array<string | number>, message: string) => {
      ctx.addIssue({ code: 'custom', path, message })
    }
    if (board.meta.frameworkId !== assessment.frameworkId)
      return refuse(
        ['board', 'meta', 'frameworkId'],
        `is not the assessment's framework "${assessment.frameworkId}"`,
      )
    for (const [id, person] of Object.entries(board.people))
      if (person.id !== id)
        return refuse(['board', 'people', id, 'id'], 'is not the id the person is listed under')
    // A recorded person's entries are written by a chair under their id: only a participant on the board may be one.
    for (const id of Object.keys(board.recorded ?? {}))
      if (board.people[id]?.role !== 'participant')
        return refuse(['board', 'recorded', id], 'is not a participant on the board')
    for (const [id, evidence] of Object.entries(board.evidence ?? {}))
      if (evidence.id !== id)
        return refuse(['board', 'evidence', id, 'id'], 'is not the id the evidence is listed under')
    for (const key of Object.keys(board.evidenceMarks ?? {})) {
      const evidenceId = key.slice(key.indexOf('/') + 1)
      if (!Object.hasOwn(board.evidence ?? {}, evidenceId))
        return refuse(
          ['board', 'evidenceMarks', key],
          `marks "${evidenceId}", which is not on the board's evidence`,
        )
    }
    for (const [root, entries] of [
      ['ticks', board.ticks],
      ['peer', board.peer],
      ['evidenceMarks', board.evidenceMarks ?? {}],
    ] as const) {
      for (const key of Object.keys(entries)) {
        const owner = key.slice(0, key.indexOf('/'))
        if (!Object.hasOwn(board.people, owner))
          return refuse(
            ['board', root, key],
            `belongs to "${owner}", who is not on the board's list of people`,
          )
      }
    }
  })
export type BoardExport = z.infer<typeof boardExportSchema>
