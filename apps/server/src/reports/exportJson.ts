import { isBlind, NOTE_ROOT_PREFIX, ROOTS, readLive } from '@co-assess/board-model'
import type { AssessmentRecord } from '@co-assess/storage'
import * as Y from 'yjs'
import { type BoardExport, EXPORT_FORMAT, EXPORT_VERSION, type NoteNode } from './boardExport.ts'

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

/**
 * A note's nodes as JSON, built top down with a stack of its own: a note can be nested as deep as a
 * client managed to make it, and recursing on that depth overflowed the call stack (a 500 on export).
 */
function notesJson(roots: Array<Y.XmlElement | Y.XmlText>): NoteNode[] {
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

/** One node without its children (an element's are filled in by notesJson). */
function shallowJson(node: Y.XmlElement | Y.XmlText): NoteNode {
  if (node instanceof Y.XmlText) return textJson(node)
  return { type: 'element', name: node.nodeName, attributes: { ...node.getAttributes() }, children: [] }
}

const mapJson = <T>(doc: Y.Doc, name: string) => doc.getMap(name).toJSON() as Record<string, T>

/** Areas with a blind round running: their ticks are in each person's private document, not on the board. */
export function blindAreas(doc: Y.Doc): string[] {
  return [...readLive(doc).rounds].flatMap(([areaId, round]) => (isBlind(round) ? [areaId] : [])).sort()
}

/** Thrown instead of an export that would not be the whole board. */
export class ExportNotWhole extends Error {}

/**
 * The whole board as JSON: every map and every evidence note, structure and formatting kept, so an
 * import rebuilds an equal document.
 *
 * Refused while a blind round runs. Its ticks are private until the reveal, and the export is a
 * chair's download, so putting them in would let a chair read them early; leaving them out would
 * restore a blind area with everyone's ticks gone. After the reveal they are on the board and export.
 */
export function exportJson(doc: Y.Doc, assessment: AssessmentRecord, now = new Date()): BoardExport {
  const blind = blindAreas(doc)
  if (blind.length > 0)
    throw new ExportNotWhole(
      `A blind round is running on ${blind.length === 1 ? 'area' : 'areas'} ${blind.join(', ')}. Its ticks stay private until you reveal it, so an export now would leave them out. Reveal the round, then export.`,
    )
  const notes: Record<string, NoteNode[]> = {}
  for (const name of [...doc.share.keys()].sort()) {
    if (!name.startsWith(NOTE_ROOT_PREFIX)) continue
    const fragment = doc.getXmlFragment(name)
    if (fragment.length === 0) continue
    notes[name.slice(NOTE_ROOT_PREFIX.length)] = notesJson(
      fragment.toArray() as Array<Y.XmlElement | Y.XmlText>,
    )
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
      evidence: mapJson(doc, ROOTS.evidence),
      evidenceMarks: mapJson(doc, ROOTS.evidenceMarks),
      previous: mapJson(doc, ROOTS.previous),
      moderation: mapJson(doc, ROOTS.moderation),
      reviewLog: mapJson(doc, ROOTS.reviewLog),
      recorded: mapJson(doc, ROOTS.recorded),
    },
  }
}
