import type { GuidanceBlock, GuidanceListItem } from './frameworkTypes.ts'
import { RaciTable } from './RaciTable.tsx'
import { TermText } from './TermMarks.tsx'

/** The mark key of a guidance text, shared by the page that marks glossary words and the text that shows them. */
export const guidanceMarkKey = (id: string) => `guidance:${id}`

function Labelled({ item }: { item: { id: string; label?: string | undefined; text: string } }) {
  return (
    <>
      {item.label ? <strong>{item.label}: </strong> : null}
      <TermText markKey={guidanceMarkKey(item.id)} text={item.text} />
    </>
  )
}

/**
 * A section's paragraphs, sub-headings, lists and RACI tables in the source's order. `headingLevel`
 * is the level of the section's own heading, so sub-headings sit one below it wherever it is shown.
 */
export function GuidanceBlocks({
  blocks,
  headingLevel,
  anchors = true,
}: {
  blocks: readonly GuidanceBlock[]
  headingLevel: 2 | 3
  /** Give each block its id, to link to: on the About page, not where a few blocks are quoted. */
  anchors?: boolean
}) {
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4'
  const anchor = (id: string) => (anchors ? id : undefined)
  return (
    <>
      {blocks.map((block) => {
        switch (block.type) {
          case 'paragraph':
            return (
              <p key={block.id} id={anchor(block.id)}>
                <Labelled item={block} />
              </p>
            )
          case 'heading':
            return (
              <SubHeading key={block.id} id={anchor(block.id)} className="nhsuk-heading-s">
                {block.text}
              </SubHeading>
            )
          case 'list':
            return (
              <ul key={block.id} id={anchor(block.id)} className="nhsuk-list nhsuk-list--bullet">
                {block.items.map((item: GuidanceListItem) => (
                  <li key={item.id} id={anchor(item.id)}>
                    <Labelled item={item} />
                  </li>
                ))}
              </ul>
            )
          case 'raci':
            return <RaciTable key={block.id} id={`table-${block.id}`} rows={block.rows} />
          default:
            return null
        }
      })}
    </>
  )
}

/** Every text of the blocks that may hold glossary words, keyed as `GuidanceBlocks` shows them. */
export function guidanceTexts(blocks: readonly GuidanceBlock[]): [string, string][] {
  return blocks.flatMap((block): [string, string][] => {
    if (block.type === 'paragraph') return [[guidanceMarkKey(block.id), block.text]]
    if (block.type === 'list') return block.items.map((item) => [guidanceMarkKey(item.id), item.text])
    return []
  })
}
