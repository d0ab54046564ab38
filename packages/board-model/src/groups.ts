import { z } from 'zod'

// Plain schemas and helpers with no imports of the board's roots: roles.ts and values.ts build on them.

/**
 * Stakeholder groups are set per assessment by its chair. A group's id is stable (ticks are counted
 * by it, and people records keep it); its label is what every tally, report and page shows.
 */
export const GROUP_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/

/**
 * Older boards gave peer reviewers (and some observers) the group "peer-reviewer": it means "no
 * group", so it can never be the id of a group in the room.
 */
export const LEGACY_NO_GROUP = 'peer-reviewer'

export const groupIdSchema = z
  .string()
  .regex(GROUP_ID_PATTERN, 'a group id is 1 to 40 lower-case letters, digits or hyphens')

export const groupDefSchema = z.strictObject({
  id: groupIdSchema.refine((id) => id !== LEGACY_NO_GROUP, {
    message: 'peer reviewers have no group, so "peer-reviewer" cannot be one',
  }),
  label: z
    .string()
    .trim()
    .min(1, 'a group needs a name')
    .max(60, 'a group name must be 60 characters or fewer')
    .refine((s) => !/\p{Cc}/u.test(s), 'a group name must not contain control characters'),
})
export type GroupDef = z.infer<typeof groupDefSchema>

export const MAX_GROUPS = 12

export const groupListSchema = z
  .array(groupDefSchema)
  .min(1, 'an assessment needs at least one group')
  .max(MAX_GROUPS, `an assessment has at most ${MAX_GROUPS} groups`)
  .refine((groups) => new Set(groups.map((g) => g.id)).size === groups.length, {
    message: 'each group needs its own id',
  })
  .refine((groups) => new Set(groups.map((g) => g.label.toLocaleLowerCase('en-GB'))).size === groups.length, {
    message: 'each group needs its own name',
  })

/** The groups every assessment starts with, and the ones a board made before groups were set has. */
export const DEFAULT_GROUPS: readonly GroupDef[] = [
  { id: 'ics', label: 'ICS or statutory organisation' },
  { id: 'vcse', label: 'Voluntary, community or social enterprise (VCSE)' },
  { id: 'lived-experience', label: 'Lived experience or community member' },
]

/** Whether a person's group is one: null and the old "peer-reviewer" mean none. */
export function hasGroup(group: string | null | undefined): group is string {
  return typeof group === 'string' && group !== LEGACY_NO_GROUP
}

/**
 * A group's name as this assessment calls it. A group no longer in the list (removed after someone
 * joined under it) keeps its default name if it had one, else its id, so nothing reads blank.
 */
export function groupLabel(groups: readonly GroupDef[], id: string | null | undefined): string {
  if (!hasGroup(id)) return 'No group'
  return groups.find((g) => g.id === id)?.label ?? DEFAULT_GROUPS.find((g) => g.id === id)?.label ?? id
}

/** A stable id for a new group from its name: "Place team (North)" becomes "place-team-north". */
export function groupIdFromLabel(label: string, taken: Iterable<string> = []): string {
  const base =
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34)
      .replace(/-+$/, '') || 'group'
  const used = new Set(taken)
  used.add(LEGACY_NO_GROUP)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}
