import type * as Y from 'yjs'
import { areaOfItem, entityIdSchema } from '../ids.ts'
import { type Evidence, evidenceMarkKey, evidenceMarkSchema, evidenceSchema } from '../records/evidence.ts'
import { OWNER_SEPARATOR } from '../records/ownedKey.ts'
import { evidenceMap, metaMap } from '../roots.ts'
import type { BoardShape } from './boardShape.ts'
import type { MapWrite, Writer } from './writeRules.ts'

// Who may do what with evidence records and peer reviewers' marks on them. writeRules.ts calls
// these from mayTouchKey (whatever the value) and mayWriteMapEntry (the value itself).

/** What the person who added evidence may change; the chair's marks (status, acceptance) are apart. */
const CONTENT = ['kind', 'title', 'link', 'description', 'date', 'areaId', 'itemIds', 'shareable'] as const

/** JSON with object keys sorted, so records built by spreading in another order still compare equal. */
const same = (a: unknown, b: unknown) => sorted(a) === sorted(b)
const sorted = (value: unknown) =>
  JSON.stringify(value ?? null, (_key, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  )

/** Any key of the evidence root: only people who may write to the board, under an evidence id. */
export function mayTouchEvidenceKey(writer: Writer, key: string): string | null {
  if (writer.role !== 'chair' && writer.role !== 'participant')
    return `a ${writer.role} cannot add or change evidence`
  return entityIdSchema.safeParse(key).success ? null : 'evidence is stored under its own id'
}

/** Any key of the marks root: a peer reviewer's own, while the review is open. */
export function mayTouchEvidenceMarkKey(writer: Writer, doc: Y.Doc, key: string): string | null {
  if (writer.role !== 'peer-reviewer') return 'only peer reviewers mark the evidence they would want to see'
  if (metaMap(doc).get('reviewClosedAt') != null) return 'the chair has closed this peer review'
  if (!key.startsWith(`${writer.personId}${OWNER_SEPARATOR}`)) return 'you can only change your own marks'
  return evidenceMarkKey.decode(key) ? null : 'a mark must name a piece of evidence'
}

export function mayWriteEvidence(
  writer: Writer,
  doc: Y.Doc,
  write: MapWrite,
  shape: BoardShape,
): string | null {
  const { personId, role } = writer
  if (write.op === 'delete') {
    // Every edit reaches the gate as the old record removed and a new one set, so a removal cannot be
    // told from an edit here: the new record (judged below) carries the rules. The author may take
    // evidence back, and a chair may remove what should not be on the board (personal details, say);
    // the board offers retiring, not removing, for evidence the group has relied on.
    const removed = write.value as Partial<Evidence> | undefined
    return role === 'chair' || removed?.addedBy === personId
      ? null
      : 'only the person who added evidence can take it back; the chair retires it instead'
  }
  const result = evidenceSchema.safeParse(write.value)
  if (!result.success) return `the evidence is not valid: ${result.error.issues[0]?.message ?? 'bad shape'}`
  const evidence = result.data
  if (evidence.id !== write.key) return 'evidence is stored under its own id'
  if (!shape.areaIds.has(evidence.areaId)) return 'evidence must belong to one of the board’s areas'
  if (evidence.itemIds.some((item) => !shape.itemIds.has(item) || areaOfItem(item) !== evidence.areaId))
    return 'evidence can name only checklist items of its own area'
  if (evidence.status === 'retired' && evidence.acceptedFor)
    return 'retired evidence cannot hold up a level: take off its acceptance'
  const existing = evidenceMap(doc).get(write.key)
  // Where evidence came from is written by the server when it carries evidence forward; anyone else
  // could otherwise give their evidence an invented past in an earlier assessment.
  if (!same(evidence.carriedFrom, existing?.carriedFrom ?? null))
    return 'only the server records where evidence came from'
  if (existing ? evidence.addedBy !== existing.addedBy : evidence.addedBy !== personId)
    return existing ? 'evidence keeps the name of the person who added it' : 'add evidence in your own name'
  if (!existing && evidence.status !== 'current') return 'new evidence starts as current'

  const accepting = !same(evidence.acceptedFor, existing?.acceptedFor ?? null)
  const contentChanged = existing ? CONTENT.some((field) => !same(evidence[field], existing[field])) : false
  const own = evidence.addedBy === personId
  if (role === 'chair') {
    if (accepting && evidence.acceptedFor && evidence.acceptedFor.by !== personId)
      return 'mark evidence accepted in your own name'
    // Carried evidence was added by someone on the earlier board, so here only the chair can correct it.
    if (contentChanged && !own && !existing?.carriedFrom)
      return 'only the person who added evidence changes what it says; the chair accepts or retires it'
    return null
  }
  if (!own) return 'you can only change evidence you added'
  if (accepting) return 'only a chair marks evidence as accepted for a level'
  if (existing && evidence.status !== existing.status) return 'only a chair confirms or retires evidence'
  return null
}

export function mayWriteEvidenceMark(doc: Y.Doc, write: MapWrite): string | null {
  if (write.op === 'delete') return null
  const result = evidenceMarkSchema.safeParse(write.value)
  if (!result.success) return `the mark is not valid: ${result.error.issues[0]?.message ?? 'bad shape'}`
  const evidenceId = evidenceMarkKey.decode(write.key)?.rest ?? ''
  return evidenceMap(doc).has(evidenceId) ? null : 'there is no such evidence on the board'
}
