import { z } from 'zod'
import { formatPath } from './formatPath.ts'
import { glossarySchema } from './glossarySchema.ts'
import { GUIDANCE_PARTS, guidanceSchema } from './guidanceSchema.ts'

// The board stores ticks and recorded levels under these ids, so their shapes match the board
// model's id schemas (packages/board-model/src/ids.ts): a framework that passes here never produces
// an id the board's write guard would refuse.
const AREA_ID = /^[A-Za-z0-9-]{1,16}$/
const LEVEL_ID = /^[a-z0-9-]{1,32}$/
const ITEM_ID = /^[A-Za-z0-9-]{1,16}\.[a-z0-9-]{1,32}\.[1-9][0-9]{0,2}$/

/** Level ids the board records beside a framework's own levels, so a framework may not use them. */
export const RESERVED_LEVEL_IDS: readonly string[] = ['not-yet', 'not-assessed']

// Not trimmed: the file is shown as written, so a value must simply contain something visible.
const text = z.string().regex(/\S/, { error: 'must not be empty' })
const optionalText = text.optional()

export const frameworkIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
  error: 'must be 1 to 64 lower-case letters, digits or dashes, like "cqc-hi-2025"',
})

export const levelIdSchema = z
  .string()
  .regex(LEVEL_ID, { error: 'must be 1 to 32 lower-case letters, digits or dashes, like "emerging"' })
  .refine((id) => !RESERVED_LEVEL_IDS.includes(id), {
    error: `is reserved by the board (${RESERVED_LEVEL_IDS.join(', ')}): choose another level id`,
  })

export const areaIdSchema = z
  .string()
  .regex(AREA_ID, { error: 'must be 1 to 16 letters, digits or dashes, like "1a"' })

export const itemIdSchema = z.string().regex(ITEM_ID, {
  error: 'must be "<area>.<level>.<number>", like "1a.emerging.1"',
})

export const levelDefinitionSchema = z
  .strictObject({
    id: levelIdSchema,
    label: text,
    description: optionalText,
  })
  .describe('One level of practice, from the lowest to the highest.')

export const principleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be lower-case letters, digits or dashes' }),
    title: text,
    text: text,
  })
  .describe('A principle that underpins the framework.')

export const checklistItemSchema = z
  .strictObject({
    id: itemIdSchema,
    text: text.describe('The item, word for word from the source.'),
    plainEnglish: optionalText.describe(
      "The item in plain English, written by the project: not the publisher's words, and shown as such.",
    ),
    note: optionalText.describe(
      'Doubt about the transcription, or where the item was derived rather than copied.',
    ),
  })
  .describe('One checklist item that participants tick when it is in place.')

export const levelOfPracticeSchema = z
  .strictObject({
    level: levelIdSchema,
    items: z.array(checklistItemSchema).min(1, { error: 'must list at least one item' }),
  })
  .describe("An area's checklist items at one level.")

export const improvementAreaSchema = z
  .strictObject({
    id: areaIdSchema,
    title: text,
    summary: text,
    healthInequalities: text.describe('How the area links to health inequalities.'),
    note: optionalText,
    levels: z
      .array(levelOfPracticeSchema)
      .min(1, { error: 'must list at least one level' })
      .describe("One entry per framework level, in the framework's order."),
  })
  .describe('An improvement area: a summary, its link to health inequalities and a checklist per level.')

export const phaseSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9-]{1,16}$/, { error: 'must be 1 to 16 letters, digits or dashes' }),
    title: text,
    aim: optionalText,
    description: optionalText,
    areas: z.array(improvementAreaSchema).min(1, { error: 'must list at least one area' }),
  })
  .describe('A phase: a group of improvement areas.')

const frameworkShape = z.strictObject({
  id: frameworkIdSchema,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version like "1.0.0"' }),
  title: text,
  subtitle: optionalText,
  publisher: optionalText,
  publisherShort: optionalText.describe(
    'A short name for the publisher ("CQC"), for saying whose words are whose: "not CQC\'s words".',
  ),
  published: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: 'must be a year or a year and month, like "2025-02"' })
    .optional(),
  source: optionalText.describe('A one-line citation; say so when the content is derived.'),
  levels: z.array(levelDefinitionSchema).min(1, { error: 'must list at least one level' }),
  principles: z.array(principleSchema).optional(),
  guidance: guidanceSchema.optional(),
  phases: z.array(phaseSchema).min(1, { error: 'must list at least one phase' }),
  glossary: glossarySchema.optional(),
})

type FrameworkShape = z.infer<typeof frameworkShape>
type Path = (string | number)[]

// Rules that span fields: zod checks each value on its own, these check how they fit together.
function checkConsistency(fw: FrameworkShape, ctx: z.RefinementCtx): void {
  const levelIds = fw.levels.map((level) => level.id)
  const seen = new Map<string, string>()
  const claimId = (id: string, path: Path) => {
    const earlier = seen.get(id)
    if (earlier !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `duplicate id "${id}": it is already used at ${earlier}`,
      })
    } else {
      seen.set(id, formatPath(path))
    }
  }

  for (const [i, level] of fw.levels.entries()) claimId(level.id, ['levels', i, 'id'])
  for (const [i, principle] of (fw.principles ?? []).entries()) claimId(principle.id, ['principles', i, 'id'])
  for (const { id, path } of guidanceIds(fw.guidance)) claimId(id, path)
  checkGlossary(fw.glossary ?? [], ctx)
  fw.phases.forEach((phase, p) => {
    claimId(phase.id, ['phases', p, 'id'])
    phase.areas.forEach((area, a) => {
      const areaPath: Path = ['phases', p, 'areas', a]
      claimId(area.id, [...areaPath, 'id'])
      checkAreaLevels(area.id, area.levels, levelIds, [...areaPath, 'levels'], ctx)
      area.levels.forEach((entry, l) => {
        const prefix = `${area.id}.${entry.level}.`
        entry.items.forEach((item, i) => {
          const itemPath: Path = [...areaPath, 'levels', l, 'items', i, 'id']
          if (!item.id.startsWith(prefix)) {
            ctx.addIssue({
              code: 'custom',
              path: itemPath,
              message: `item id "${item.id}" must start with "${prefix}" (its area and level)`,
            })
          }
          claimId(item.id, itemPath)
        })
      })
    })
  })
}

// Guidance ids share the file's one namespace, so a link to "#tip-resources" can never mean two things.
function* guidanceIds(guidance: FrameworkShape['guidance']): Generator<{ id: string; path: Path }> {
  if (!guidance) return
  for (const part of GUIDANCE_PARTS) {
    const section = guidance[part]
    if (!section) continue
    yield { id: section.id, path: ['guidance', part, 'id'] }
    for (const [b, block] of section.blocks.entries()) {
      const blockPath: Path = ['guidance', part, 'blocks', b]
      yield { id: block.id, path: [...blockPath, 'id'] }
      if (block.type === 'list')
        for (const [i, item] of block.items.entries())
          yield { id: item.id, path: [...blockPath, 'items', i, 'id'] }
      if (block.type === 'raci')
        for (const [r, row] of block.rows.entries())
          yield { id: row.id, path: [...blockPath, 'rows', r, 'id'] }
    }
  }
}

// Glossary ids have a namespace of their own ("lived-experience" is a principle and a term), but two
// entries may not claim the same words, or which definition shows would depend on the order.
function checkGlossary(
  entries: readonly { id: string; forms: readonly string[] }[],
  ctx: z.RefinementCtx,
): void {
  const ids = new Map<string, number>()
  const forms = new Map<string, string>()
  entries.forEach((entry, i) => {
    const earlier = ids.get(entry.id)
    if (earlier !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['glossary', i, 'id'],
        message: `duplicate glossary id "${entry.id}": it is already used at glossary[${earlier}]`,
      })
    else ids.set(entry.id, i)
    entry.forms.forEach((form, f) => {
      const owner = forms.get(form)
      if (owner !== undefined && owner !== entry.id)
        ctx.addIssue({
          code: 'custom',
          path: ['glossary', i, 'forms', f],
          message: `"${form}" is already a form of the glossary entry "${owner}"`,
        })
      else forms.set(form, entry.id)
    })
  })
}

function checkAreaLevels(
  areaId: string,
  entries: readonly { level: string }[],
  levelIds: readonly string[],
  path: Path,
  ctx: z.RefinementCtx,
): void {
  const listed = entries.map((entry) => entry.level)
  entries.forEach((entry, i) => {
    if (!levelIds.includes(entry.level)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'level'],
        message: `area ${areaId} has level "${entry.level}", which is not one of the framework's levels (${levelIds.join(', ')})`,
      })
    } else if (listed.indexOf(entry.level) !== i) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'level'],
        message: `area ${areaId} lists level "${entry.level}" twice`,
      })
    }
  })
  const missing = levelIds.filter((id) => !listed.includes(id))
  for (const id of missing) {
    ctx.addIssue({ code: 'custom', path, message: `area ${areaId} is missing level "${id}"` })
  }
  const known = listed.filter((id) => levelIds.includes(id))
  const inOrder = levelIds.filter((id) => known.includes(id))
  if (missing.length === 0 && known.join() !== inOrder.join()) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `area ${areaId} lists its levels out of order: they must follow the framework's order (${levelIds.join(', ')})`,
    })
  }
}

/** A framework file: levels of practice, optional principles, and phases of improvement areas. */
export const frameworkSchema = frameworkShape
  .superRefine(checkConsistency)
  .describe('A Co-assess framework file (rubric/*.json).')
