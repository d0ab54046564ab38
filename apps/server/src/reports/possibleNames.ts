import type { Person } from '@co-assess/board-model'

/** A word in text bound for the public that may still name someone on the board. */
export interface NameFlag {
  /** Stable while the text is unchanged: the chair confirms flags by id. */
  id: string
  actionId: string
  field: 'youSaid' | 'weDid' | 'whatChanged' | 'droppedReason'
  /** The word as it stands in the text. */
  word: string
}

const FIELD_ORDER: NameFlag['field'][] = ['youSaid', 'weDid', 'whatChanged', 'droppedReason']

/**
 * The public redaction replaces whole names and @mentions. What it leaves is a first name or a
 * surname typed on its own ("Maria said…", "ask Lopez"): words no rule can tell from ordinary ones.
 * These are flagged, case-insensitively, for the chair to edit or confirm before anything is
 * published. Over-flagging is the safe side: a flag costs a click, a missed name cannot be taken back.
 */
export function possibleNames(
  texts: ReadonlyArray<{ actionId: string; fields: Partial<Record<NameFlag['field'], string>> }>,
  people: Iterable<Person>,
): NameFlag[] {
  const parts = new Set<string>()
  for (const person of people) {
    for (const word of person.name.normalize('NFKC').split(/[\s\p{P}]+/u)) {
      if (word.length >= 2) parts.add(word.toLocaleLowerCase('en-GB'))
    }
  }
  const flags: NameFlag[] = []
  for (const { actionId, fields } of texts) {
    for (const field of FIELD_ORDER) {
      const text = fields[field]
      if (!text) continue
      const seen = new Set<string>()
      for (const match of text.normalize('NFKC').matchAll(/[\p{L}\p{N}'’-]+/gu)) {
        const word = match[0]
        const key = word.toLocaleLowerCase('en-GB')
        if (!parts.has(key) || seen.has(key)) continue
        seen.add(key)
        flags.push({ id: `${actionId}.${field}.${key}`, actionId, field, word })
      }
    }
  }
  return flags
}
