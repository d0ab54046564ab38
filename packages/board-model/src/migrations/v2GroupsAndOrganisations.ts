import type * as Y from 'yjs'
import { DEFAULT_GROUPS, groupListSchema } from '../groups.ts'
import { metaMap, peopleMap } from '../roots.ts'
import type { Migration } from './migration.ts'

/**
 * What people typed when "Organisation" was required and they had none. Organisation is optional
 * now, and a placeholder read out after a name ("Maria Lopez, none") says something untrue.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '',
  'none',
  'no',
  'nil',
  'na',
  'n a',
  'not applicable',
  'not relevant',
  'no organisation',
  'no organization',
  'nothing',
])

/** The organisation as typed, or '' if it is only a placeholder for having none. */
export function withoutPlaceholder(organisation: string): string {
  const bare = organisation
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
  return PLACEHOLDERS.has(bare) ? '' : organisation
}

/**
 * Version 1 → 2.
 * - Boards made before an assessment had its own groups hold none in `meta`; every reader fell back to
 *   the code's defaults, so a change to the defaults would have relabelled old boards. The board now
 *   holds the defaults it was made with.
 * - Organisations typed as a placeholder ("none", "N/A", "-") are cleared.
 */
export const v2GroupsAndOrganisations: Migration = {
  to: 2,
  describe: 'write the default groups onto boards that predate groups; clear placeholder organisations',
  migrate(doc: Y.Doc) {
    const meta = metaMap(doc)
    if (!groupListSchema.safeParse(meta.get('groups')).success) {
      meta.set(
        'groups',
        DEFAULT_GROUPS.map((group) => ({ ...group })),
      )
    }
    const people = peopleMap(doc)
    for (const [id, person] of people.entries()) {
      const organisation = withoutPlaceholder(person.organisation)
      if (organisation !== person.organisation) people.set(id, { ...person, organisation })
    }
  },
}
