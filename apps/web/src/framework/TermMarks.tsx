import { createContext, type ReactNode, useContext, useMemo } from 'react'
import type { GlossaryEntry } from './frameworkTypes.ts'
import { GlossaryTerm } from './GlossaryTerm.tsx'
import { glossaryMatcher, markTerms, type TermSegment } from './glossaryMarks.ts'

const TermMarksContext = createContext<ReadonlyMap<string, TermSegment[]>>(new Map())

/**
 * Marks the glossary's words across one page at once, in reading order, so each word is explained
 * where it first appears on the page and nowhere else (and each definition's id is used once).
 */
export function TermMarksProvider(props: {
  glossary: readonly GlossaryEntry[] | undefined
  texts: readonly (readonly [key: string, text: string])[]
  children: ReactNode
}) {
  const { glossary, texts, children } = props
  const marks = useMemo(() => {
    const segments = markTerms(
      texts.map(([, text]) => text),
      glossaryMatcher(glossary ?? []),
    )
    return new Map(texts.map(([key], i) => [key, segments[i] ?? []]))
  }, [glossary, texts])
  return <TermMarksContext.Provider value={marks}>{children}</TermMarksContext.Provider>
}

/** A text with its glossary words explained, when the page marked it under `markKey`; plain otherwise. */
export function TermText({ markKey, text }: { markKey: string; text: string }) {
  const segments = useContext(TermMarksContext).get(markKey)
  // The marks were made from this text; if it changed since, plain words beat stale ones.
  if (!segments || segments.map((s) => s.text).join('') !== text) return <>{text}</>
  return (
    <>
      {segments.map((segment, i) =>
        segment.kind === 'term' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed split of one text
          <GlossaryTerm key={i} entry={segment.entry} text={segment.text} />
        ) : (
          segment.text
        ),
      )}
    </>
  )
}
