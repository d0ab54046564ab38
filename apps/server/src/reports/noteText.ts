import * as Y from 'yjs'

const LIST_ITEM = new Set(['listItem', 'taskItem'])

type NoteChild = Y.XmlElement | Y.XmlText | Y.XmlHook

// Both walks keep their own stack rather than recursing: a note is as deep as whatever a client
// managed to nest, and recursion on that depth overflowed the call stack and made every report 500.

/** A node's text with its formatting dropped and hard breaks as newlines, in document order. */
function textOf(root: NoteChild): string {
  const parts: string[] = []
  const stack: NoteChild[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as Array<{ insert?: unknown }>)
        if (typeof op.insert === 'string') parts.push(op.insert)
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hardBreak') {
        parts.push('\n')
        continue
      }
      const children = node.toArray() as NoteChild[]
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
  return parts.join('')
}

const isList = (node: NoteChild): node is Y.XmlElement =>
  node instanceof Y.XmlElement && (node.nodeName.endsWith('List') || LIST_ITEM.has(node.nodeName))

/**
 * Lists are flattened into their blocks, each list item's first block marked with a bullet; any
 * other node is one block of its text. A `bulletFrom` frame runs after the subtree pushed above it.
 */
type Frame = { visit: NoteChild; inItem: boolean } | { bulletFrom: number }

/**
 * An area's evidence notes (a TipTap fragment) as plain paragraphs: reports show what was written,
 * never the editor's markup, so nothing a person typed can become HTML.
 */
export function noteParagraphs(fragment: Y.XmlFragment): string[] {
  const out: string[] = []
  const stack: Frame[] = []
  const pushChildren = (children: NoteChild[], inItem: boolean) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ visit: children[i]!, inItem })
  }
  pushChildren(fragment.toArray() as NoteChild[], false)
  while (stack.length > 0) {
    const frame = stack.pop()!
    if ('bulletFrom' in frame) {
      const first = out[frame.bulletFrom]
      if (first !== undefined && !first.startsWith('• ')) out[frame.bulletFrom] = `• ${first}`
      continue
    }
    const { visit: node, inItem } = frame
    // A child of a list item: once its blocks are out, the first of them gets the bullet.
    if (inItem) stack.push({ bulletFrom: out.length })
    if (isList(node)) {
      pushChildren(node.toArray() as NoteChild[], LIST_ITEM.has(node.nodeName))
      continue
    }
    const text = textOf(node).trim()
    if (text) out.push(text)
  }
  return out
}
