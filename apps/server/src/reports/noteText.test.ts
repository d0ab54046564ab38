import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { noteParagraphs } from './noteText.ts'

function element(name: string, ...children: Array<Y.XmlElement | Y.XmlText>): Y.XmlElement {
  const node = new Y.XmlElement(name)
  node.insert(0, children)
  return node
}
const text = (value: string) => new Y.XmlText(value)

function note(...nodes: Array<Y.XmlElement | Y.XmlText>): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('note:1a')
  fragment.insert(0, nodes)
  return fragment
}

/** A note `depth` levels deep, each level made by `name(level)`, built top down as a client would. */
function deepNote(depth: number, name: (level: number) => string): Y.XmlFragment {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('note:1a')
  // One transaction: Yjs tells every ancestor of a change about it, once per transaction.
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = fragment
    for (let level = 0; level < depth; level++) {
      const child: Y.XmlElement = new Y.XmlElement(name(level))
      parent.insert(0, [child])
      parent = child
    }
    parent.insert(0, [text('bottom')])
  })
  return fragment
}

describe('noteParagraphs', () => {
  it('gives paragraphs as text, list items with a bullet, and hard breaks as new lines', () => {
    const fragment = note(
      element('paragraph', text('First '), element('hardBreak'), text('line')),
      element(
        'bulletList',
        element('listItem', element('paragraph', text('one')), element('paragraph', text('more'))),
        element('listItem', element('bulletList', element('listItem', element('paragraph', text('nested'))))),
      ),
      element('paragraph', text('   ')),
      element('orderedList', element('listItem', element('paragraph', text('• already')))),
    )
    expect(noteParagraphs(fragment)).toEqual(['First \nline', '• one', '• more', '• nested', '• already'])
  })

  it('reads a note nested far deeper than recursion could, in paragraphs or in lists', () => {
    expect(noteParagraphs(deepNote(20_000, () => 'paragraph'))).toEqual(['bottom'])
    expect(noteParagraphs(deepNote(20_000, (level) => (level % 2 ? 'listItem' : 'bulletList')))).toEqual([
      '• bottom',
    ])
  })
})
