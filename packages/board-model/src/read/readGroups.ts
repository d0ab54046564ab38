import type * as Y from 'yjs'
import { DEFAULT_GROUPS, type GroupDef, groupListSchema } from '../groups.ts'
import { metaMap } from '../roots.ts'

/** The board's own groups (the server copies them from the assessment's record), or the defaults on an older board. */
export function readGroups(doc: Y.Doc): GroupDef[] {
  const parsed = groupListSchema.safeParse(metaMap(doc).get('groups'))
  return parsed.success ? parsed.data : DEFAULT_GROUPS.map((g) => ({ ...g }))
}
