import { erasePerson, groupLabel, identityOf, readGroups, readPeople } from '@co-assess/board-model'
import type { Storage } from '@co-assess/storage'
import type { Hocuspocus } from '@hocuspocus/server'
import * as Y from 'yjs'
import { notFound } from '../http/httpError.ts'
import { serverWrite } from '../sync/serverWrite.ts'

/** What an erased person reads as everywhere: what they were there as, never who. */
export function erasedName(role: string, groupName: string | null): string {
  if (role === 'observer') return 'An observer'
  if (role === 'peer-reviewer') return 'A peer reviewer'
  if (role === 'chair' && groupName === null) return 'The chair'
  return groupName === null ? 'A participant' : `A participant from ${groupName}`
}

/**
 * Removes a person's name and organisation on request, from the board (each device they joined
 * from: the records that count as the same person) and from their participant records. Their
 * ticks, notes and comments stay, shown as "A participant from <group>". The board's stored log is
 * then compacted: the old name lives in the update that added the person, and compaction rewrites
 * the store from the current state, in which the overwritten name has been garbage-collected.
 * Returns the person ids erased.
 */
export async function eraseName(
  deps: { storage: Storage; hocuspocus: Hocuspocus; flush: (name: string) => Promise<void> },
  assessmentId: string,
  personId: string,
  now: number = Date.now(),
): Promise<string[]> {
  const erased = await serverWrite(deps.hocuspocus, assessmentId, (doc) => {
    const people = readPeople(doc)
    const target = people.get(personId)
    if (!target) return null
    const label = target.group === null ? null : groupLabel(readGroups(doc), target.group)
    const replacement = erasedName(target.role, label)
    const same = [...people.values()].filter((p) => identityOf(p) === identityOf(target))
    for (const p of same) erasePerson(doc, p.id, replacement, now)
    return { ids: same.map((p) => p.id), replacement }
  })
  if (!erased) throw notFound('That person is not on this board.')
  await deps.flush(assessmentId)
  for (const id of erased.ids) {
    const record = await deps.storage.metadata.getParticipant(id)
    if (record?.assessmentId === assessmentId)
      await deps.storage.metadata.renameParticipant(id, { displayName: erased.replacement, organisation: '' })
  }
  // Compacting merges everything stored with an empty state: the result is the board as it is now.
  await deps.storage.documents.compact(assessmentId, Y.encodeStateAsUpdate(new Y.Doc()))
  return erased.ids
}
