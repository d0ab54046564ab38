import { z } from 'zod'

/** An area's evidence note as plain data: the fragment's elements and formatted text, nested. */
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
export const noteNodesSchema = z
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
