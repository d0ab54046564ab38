import { ROOTS } from '@co-assess/board-model'
import type * as Y from 'yjs'

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    )
  }
  return value
}

/**
 * The whole board as JSON with keys sorted, for comparing two copies: Y.Map iteration order follows
 * insertion, which differs between replicas, and Y.Doc.toJSON shows only roots the copy has opened.
 */
export function boardJson(doc: Y.Doc): string {
  const roots: Record<string, unknown> = {}
  for (const name of Object.values(ROOTS)) roots[name] = doc.getMap(name).toJSON()
  for (const name of doc.share.keys())
    if (name.startsWith('note:')) roots[name] = doc.getXmlFragment(name).toString()
  return JSON.stringify(sorted(roots))
}
