import * as Y from 'yjs'
import type { NoteNode } from './noteNodes.ts'

// An evidence note between its Yjs fragment and plain data, both ways. Neither way recurses on the
// note's depth: a note can be nested as deep as a client managed to make it, and recursing on that
// depth overflowed the call stack (a 500 on export, and on importing what had been exported).

function textJson(text: Y.XmlText): NoteNode {
  return {
    type: 'text',
    delta: text
      .toDelta()
      .map((op: { insert: string; attributes?: Record<string, unknown> }) =>
        op.attributes ? { insert: op.insert, attributes: op.attributes } : { insert: op.insert },
      ),
  }
}

/** One node without its children (an element's are filled in by noteJson). */
function shallowJson(node: Y.XmlElement | Y.XmlText): NoteNode {
  if (node instanceof Y.XmlText) return textJson(node)
  return { type: 'element', name: node.nodeName, attributes: { ...node.getAttributes() }, children: [] }
}

/** A note's nodes as plain data, structure and formatting kept, built top down with a stack of its own. */
export function noteJson(fragment: Y.XmlFragment): NoteNode[] {
  const roots = fragment.toArray() as Array<Y.XmlElement | Y.XmlText>
  const top = roots.map(shallowJson)
  const stack = roots.map((from, i) => ({ from, node: top[i]! }))
  while (stack.length > 0) {
    const { from, node } = stack.pop()!
    if (!(from instanceof Y.XmlElement) || node.type !== 'element') continue
    for (const child of from.toArray() as Array<Y.XmlElement | Y.XmlText>) {
      const childJson = shallowJson(child)
      node.children.push(childJson)
      stack.push({ from: child, node: childJson })
    }
  }
  return top
}

/** One node without its children; text keeps its formatting. */
function shallowNode(node: NoteNode): Y.XmlElement | Y.XmlText {
  if (node.type === 'text') {
    const text = new Y.XmlText()
    text.applyDelta(node.delta)
    return text
  }
  const element = new Y.XmlElement(node.name)
  for (const [key, value] of Object.entries(node.attributes))
    element.setAttribute(key, value as unknown as string)
  return element
}

/**
 * Writes note nodes into `fragment` level by level: each level is inserted into a parent already on
 * the board before its own children are, so neither this code nor Yjs (which integrates a detached
 * element's children recursively) recurses on the note's depth, however deep the note is.
 */
export function writeNote(fragment: Y.XmlFragment, nodes: NoteNode[]): void {
  const stack: Array<{ parent: Y.XmlFragment | Y.XmlElement; nodes: NoteNode[] }> = [
    { parent: fragment, nodes },
  ]
  while (stack.length > 0) {
    const level = stack.pop()!
    const built = level.nodes.map(shallowNode)
    level.parent.insert(0, built)
    level.nodes.forEach((node, i) => {
      if (node.type === 'element' && node.children.length > 0)
        stack.push({ parent: built[i] as Y.XmlElement, nodes: node.children })
    })
  }
}
