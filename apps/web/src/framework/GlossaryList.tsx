import type { GlossaryEntry } from './frameworkTypes.ts'

/** Definitions as a description list, each term a `<dfn>` with an id that can be linked to. */
export function GlossaryList({ entries, idPrefix }: { entries: readonly GlossaryEntry[]; idPrefix: string }) {
  return (
    <dl className="co-glossary">
      {entries.map((entry) => (
        <div key={entry.id} className="co-glossary__entry">
          <dt id={`${idPrefix}${entry.id}`}>
            <dfn>{entry.term}</dfn>
            {entry.expansion ? ` (${entry.expansion})` : ''}
          </dt>
          <dd>{entry.definition}</dd>
        </div>
      ))}
    </dl>
  )
}
