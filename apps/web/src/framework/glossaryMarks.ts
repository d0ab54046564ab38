import type { GlossaryEntry } from '@co-assess/framework'

export type TermSegment =
  | { kind: 'text'; text: string }
  | { kind: 'term'; text: string; entry: GlossaryEntry }

/** Finds a glossary's words in text: the longest form wins ("integrated care systems" over "ICS"). */
export interface GlossaryMatcher {
  pattern: RegExp | null
  entryOf: Map<string, GlossaryEntry>
}

const escapeForm = (form: string) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function glossaryMatcher(glossary: readonly GlossaryEntry[]): GlossaryMatcher {
  const entryOf = new Map<string, GlossaryEntry>()
  for (const entry of glossary) {
    for (const form of entry.forms) {
      entryOf.set(form, entry)
      // A sentence may start with the word: "Lived experience", "Health inequalities".
      const first = form[0]
      if (first && first !== first.toUpperCase()) entryOf.set(first.toUpperCase() + form.slice(1), entry)
    }
  }
  const forms = [...entryOf.keys()].sort((a, b) => b.length - a.length)
  // Whole words only: "ICS" in "ICSs" is the form "ICSs", never "ICS" plus an "s"; "Place" never matches "place".
  const pattern =
    forms.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.map(escapeForm).join('|')})(?![\\p{L}\\p{N}-])`, 'gu')
  return { pattern, entryOf }
}

/**
 * Splits each text of one page into plain runs and glossary words, marking only the first time each
 * word appears on the page: one explanation is help, the same button in every sentence is clutter.
 */
export function markTerms(texts: readonly string[], matcher: GlossaryMatcher): TermSegment[][] {
  const marked = new Set<string>()
  return texts.map((text) => {
    const segments: TermSegment[] = []
    let plain = ''
    let from = 0
    if (matcher.pattern) {
      for (const match of text.matchAll(matcher.pattern)) {
        const entry = matcher.entryOf.get(match[0])
        if (!entry || marked.has(entry.id)) continue
        marked.add(entry.id)
        plain += text.slice(from, match.index)
        if (plain) segments.push({ kind: 'text', text: plain })
        plain = ''
        segments.push({ kind: 'term', text: match[0], entry })
        from = match.index + match[0].length
      }
    }
    plain += text.slice(from)
    if (plain) segments.push({ kind: 'text', text: plain })
    return segments
  })
}

/** Every glossary entry whose words appear in the texts, in glossary order: the page's own word list. */
export function termsIn(texts: readonly string[], matcher: GlossaryMatcher): GlossaryEntry[] {
  const found = new Set<GlossaryEntry>()
  if (matcher.pattern)
    for (const text of texts)
      for (const match of text.matchAll(matcher.pattern)) {
        const entry = matcher.entryOf.get(match[0])
        if (entry) found.add(entry)
      }
  const order = [...new Set(matcher.entryOf.values())]
  return order.filter((entry) => found.has(entry))
}
