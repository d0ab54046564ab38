import { z } from 'zod'

// The framework's own guidance (introduction, purpose and use, roles, approaches, tips), kept word for
// word like the checklist: every text here must be found in the source document (a test checks it),
// so words the project adds belong in a `note`, never in a text.

const text = z.string().regex(/\S/, { error: 'must not be empty' })

/** Ids are stable, like item ids: a link to a paragraph of guidance keeps working when a typo is fixed. */
export const guidanceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
  error: 'must be 1 to 64 lower-case letters, digits or dashes, like "practical-tips"',
})

const note = text
  .optional()
  .describe('Doubt about the transcription (extraction damage, a joined page break); not shown as guidance.')

const label = text
  .optional()
  .describe('A run-in heading printed before the text, like "Your resources" (the source adds a colon).')

export const guidanceParagraphSchema = z
  .strictObject({ type: z.literal('paragraph'), id: guidanceIdSchema, label, text, note })
  .describe('A paragraph, word for word.')

export const guidanceListItemSchema = z.strictObject({ id: guidanceIdSchema, label, text, note })

export const guidanceListSchema = z
  .strictObject({
    type: z.literal('list'),
    id: guidanceIdSchema,
    items: z.array(guidanceListItemSchema).min(1, { error: 'must list at least one item' }),
    note,
  })
  .describe('A bulleted list, each item word for word.')

export const guidanceHeadingSchema = z
  .strictObject({ type: z.literal('heading'), id: guidanceIdSchema, text })
  .describe('A sub-heading inside a section, as the source prints it.')

export const raciRowSchema = z
  .strictObject({
    id: guidanceIdSchema,
    label: text.describe('"Responsible", "Accountable", "Consulted" or "Informed".'),
    question: text.describe('What the category means, as the source asks it.'),
    examples: z.array(text).min(1, { error: 'must list at least one example' }),
  })
  .describe('One category of a RACI matrix with its examples of stakeholders.')

export const guidanceRaciSchema = z
  .strictObject({
    type: z.literal('raci'),
    id: guidanceIdSchema,
    rows: z.array(raciRowSchema).min(1, { error: 'must list at least one category' }),
    note,
  })
  .describe('A RACI (Responsible, Accountable, Consulted, Informed) matrix, shown as a table.')

export const guidanceBlockSchema = z.discriminatedUnion('type', [
  guidanceParagraphSchema,
  guidanceListSchema,
  guidanceHeadingSchema,
  guidanceRaciSchema,
])

export const guidanceSectionSchema = z
  .strictObject({
    id: guidanceIdSchema,
    title: text.describe("The section's heading in the source."),
    note,
    blocks: z.array(guidanceBlockSchema).min(1, { error: 'must hold at least one block' }),
  })
  .meta({ id: 'guidanceSection' })
  .describe('A section of guidance: a heading and its paragraphs, lists and tables in order.')

/**
 * Named parts, so the board can place each where it helps: the About page shows them all, the chair's
 * "how to run this session" panel the tips. Every part is optional; a framework may have none.
 */
export const guidanceSchema = z
  .strictObject({
    introduction: guidanceSectionSchema.optional(),
    principles: guidanceSectionSchema
      .optional()
      .describe('What the source says before its principles; the principles themselves are in `principles`.'),
    purposeAndUse: guidanceSectionSchema.optional(),
    roles: guidanceSectionSchema
      .optional()
      .describe('Who owns, enables and champions the work, with any RACI matrix.'),
    approaches: guidanceSectionSchema.optional().describe('How others have used the framework.'),
    tips: guidanceSectionSchema.optional().describe('Practical tips for using the framework.'),
  })
  .describe("The framework's own guidance, word for word from the source.")

/** The order the About page shows the parts in, which is the source's. */
export const GUIDANCE_PARTS = [
  'introduction',
  'principles',
  'purposeAndUse',
  'roles',
  'approaches',
  'tips',
] as const
