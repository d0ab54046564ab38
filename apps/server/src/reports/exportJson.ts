import { NOTE_ROOT_PREFIX, ROOTS } from '@co-assess/board-model'
import type { AssessmentRecord } from '@co-assess/storage'
import * as Y from 'yjs'
import { type BoardExport, EXPORT_FORMAT, EXPORT_VERSION, type NoteNode } from './boardExport.ts'

function nodeJson(node: Y.XmlElement | Y.XmlText): NoteNode {
  if (node instanceof Y.XmlText) {
    return {
      type: 'text',
      delta: node
        .toDelta()
        .map((op: { insert: string; attributes?: Record<string, unknown> }) =>
          op.attributes ? { insert: op.insert, attributes: op.attributes } : { insert: op.insert },
        ),
    }
  }
  return {
    type: 'element',
    name: node.nodeName,
    attributes: { ...node.getAttributes() },
    children: node.toArray().map((child) => nodeJson(child as Y.XmlElement | Y.XmlText)),
  }
}

const mapJson = <T>(doc: Y.Doc, name: string) => doc.getMap(name).toJSON() as Record<string, T>

/**
 * The whole board as JSON: every map and every evidence note, structure and formatting kept, so an
 * import rebuilds an equal document. Blind ticks not yet revealed stay private and are not included.
 */
export function exportJson(doc: Y.Doc, assessment: AssessmentRecord, now = new Date()): BoardExport {
  const notes: Record<string, NoteNode[]> = {}
  for (const name of [...doc.share.keys()].sort()) {
    if (!name.startsWith(NOTE_ROOT_PREFIX)) continue
    const fragment = doc.getXmlFragment(name)
    if (fragment.length === 0) continue
    notes[name.slice(NOTE_ROOT_PREFIX.length)] = fragment
      .toArray()
      .map((child) => nodeJson(child as Y.XmlElement | Y.XmlText))
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    assessment: {
      title: assessment.title,
      frameworkId: assessment.frameworkId,
      frameworkVersion: assessment.frameworkVersion,
      scope: assessment.scope,
      workstream: assessment.workstream,
      createdAt: assessment.createdAt,
    },
    board: {
      meta: mapJson(doc, ROOTS.meta) as unknown as BoardExport['board']['meta'],
      people: mapJson(doc, ROOTS.people),
      ticks: mapJson(doc, ROOTS.ticks),
      agreed: mapJson(doc, ROOTS.agreed),
      comments: mapJson(doc, ROOTS.comments),
      threads: mapJson(doc, ROOTS.threads),
      actions: mapJson(doc, ROOTS.actions),
      peer: mapJson(doc, ROOTS.peer),
      sessions: mapJson(doc, ROOTS.sessions),
      live: mapJson(doc, ROOTS.live),
      notes,
    },
  }
}
