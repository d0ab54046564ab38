import type { RichText as RichTextValue } from '@co-assess/board-model'
import { createElement, Fragment, type ReactNode } from 'react'
import { safeHref } from './safeHref.ts'

interface Node {
  type?: unknown
  text?: unknown
  attrs?: Record<string, unknown>
  marks?: { type?: unknown; attrs?: Record<string, unknown> }[]
  content?: unknown
}

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
}
const MARKS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  code: 'code',
  underline: 'u',
}
const MAX_DEPTH = 12

/**
 * Renders a comment's stored TipTap JSON as React elements from a whitelist of node and mark types.
 * Anything else is dropped (its text kept); links keep only http(s) and mailto targets. Stored content
 * never becomes HTML, so nothing in it can run.
 */
export function RichText({ body, people }: { body: RichTextValue; people?: Map<string, { name: string }> }) {
  return <div className="co-rich">{renderChildren(body.content, people, 0)}</div>
}

function renderChildren(content: unknown, people: Map<string, { name: string }> | undefined, depth: number) {
  if (!Array.isArray(content) || depth > MAX_DEPTH) return null
  return content.map((node, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: stored content has no ids and is re-rendered whole
    <Fragment key={index}>{renderNode(node as Node, people, depth + 1)}</Fragment>
  ))
}

function renderNode(node: Node, people: Map<string, { name: string }> | undefined, depth: number): ReactNode {
  if (!node || typeof node !== 'object') return null
  const type = typeof node.type === 'string' ? node.type : ''
  if (type === 'text') return typeof node.text === 'string' ? renderMarks(node.text, node.marks) : null
  if (type === 'hardBreak') return <br />
  if (type === 'mention') {
    const id = typeof node.attrs?.id === 'string' ? node.attrs.id : ''
    const label =
      people?.get(id)?.name ?? (typeof node.attrs?.label === 'string' ? node.attrs.label : 'someone')
    return <span className="co-mention">@{label}</span>
  }
  const tag = BLOCKS[type]
  const children = renderChildren(node.content, people, depth)
  return tag ? createElement(tag, null, children) : children
}

function renderMarks(text: string, marks: Node['marks']): ReactNode {
  let out: ReactNode = text
  for (const mark of Array.isArray(marks) ? marks : []) {
    const type = typeof mark?.type === 'string' ? mark.type : ''
    if (type === 'link') {
      const href = safeHref(mark.attrs?.href)
      if (href)
        out = (
          <a href={href} rel="noopener noreferrer nofollow" target="_blank">
            {out}
            <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
          </a>
        )
      continue
    }
    const tag = MARKS[type]
    if (tag) out = createElement(tag, null, out)
  }
  return out
}
