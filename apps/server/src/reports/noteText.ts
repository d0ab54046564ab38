import * as Y from 'yjs'

const LIST_ITEM = new Set(['listItem', 'taskItem'])

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return node
      .toDelta()
      .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('')
  }
  if (node instanceof Y.XmlElement) {
    if (node.nodeName === 'hardBreak') return '\n'
    return node
      .toArray()
      .map((child) => textOf(child as Y.XmlElement | Y.XmlText))
      .join('')
  }
  return ''
}

function blocksOf(node: Y.XmlElement | Y.XmlText, out: string[]): void {
  if (node instanceof Y.XmlElement && (node.nodeName.endsWith('List') || LIST_ITEM.has(node.nodeName))) {
    const isItem = LIST_ITEM.has(node.nodeName)
    for (const child of node.toArray()) {
      const before = out.length
      blocksOf(child as Y.XmlElement | Y.XmlText, out)
      if (isItem && out.length > before && !out[before]!.startsWith('• ')) out[before] = `• ${out[before]}`
    }
    return
  }
  const text = textOf(node).trim()
  if (text) out.push(text)
}

/**
 * An area's evidence notes (a TipTap fragment) as plain paragraphs: reports show what was written,
 * never the editor's markup, so nothing a person typed can become HTML.
 */
export function noteParagraphs(fragment: Y.XmlFragment): string[] {
  const out: string[] = []
  for (const child of fragment.toArray()) blocksOf(child as Y.XmlElement | Y.XmlText, out)
  return out
}
