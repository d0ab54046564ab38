import type { GlossaryEntry } from '../../framework/frameworkTypes.ts'
import { GlossaryList } from '../../framework/GlossaryList.tsx'

/**
 * Every glossary word on the area, in one place: the checklist's own words sit in checkbox labels,
 * where a button would not belong, so their explanations are here.
 */
export function WordsOnThisPage({ entries, whose }: { entries: readonly GlossaryEntry[]; whose: string }) {
  if (entries.length === 0) return null
  return (
    <details className="nhsuk-details co-words" data-testid="words-on-this-page">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Words used on this page, explained</span>
      </summary>
      <div className="nhsuk-details__text">
        <p className="nhsuk-hint">In plain English, by Co-assess ({whose}).</p>
        <GlossaryList entries={entries} idPrefix="words-" />
      </div>
    </details>
  )
}
