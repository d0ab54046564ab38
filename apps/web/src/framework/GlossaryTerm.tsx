import { useState } from 'react'
import type { GlossaryEntry } from './frameworkTypes.ts'

/**
 * A glossary word in running text as a disclosure: a button that shows the definition right after the
 * word, so a screen reader reads it next and a keyboard reaches it with Tab. A tooltip or an `<abbr
 * title>` would be out of reach for both.
 */
export function GlossaryTerm({ entry, text }: { entry: GlossaryEntry; text: string }) {
  const [open, setOpen] = useState(false)
  const id = `term-definition-${entry.id}`
  const word = entry.expansion && text === entry.term ? <abbr title={entry.expansion}>{text}</abbr> : text
  return (
    <>
      <button
        type="button"
        className="co-term"
        aria-expanded={open}
        aria-controls={id}
        data-term={entry.id}
        onClick={() => setOpen((now) => !now)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation()
            setOpen(false)
          }
        }}
      >
        <dfn>{word}</dfn>
        <span className="nhsuk-u-visually-hidden"> (what this means)</span>
      </button>
      <span id={id} className="co-term__definition" hidden={!open}>
        <strong>{entry.term}</strong>
        {entry.expansion ? ` (${entry.expansion})` : ''}: {entry.definition}
      </span>
    </>
  )
}
