import {
  actionsMap,
  agreedMap,
  commentsMap,
  evidenceMap,
  evidenceMarksMap,
  liveMap,
  metaMap,
  moderationMap,
  noteFragment,
  peerMap,
  peopleMap,
  previousMap,
  recordedMap,
  reviewLogMap,
  serverOrigin,
  sessionsMap,
  threadsMap,
  ticksMap,
} from '@co-assess/board-model'
import * as Y from 'yjs'
import type { BoardExport, NoteNode } from './boardExport.ts'

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
 * Writes note nodes under `parent` level by level: each level is inserted into a parent already on
 * the board before its own children are, so neither this code nor Yjs (which integrates a detached
 * element's children recursively) recurses on the note's depth, however deep the export is.
 */
function insertNotes(parent: Y.XmlFragment, nodes: NoteNode[]): void {
  const stack: Array<{ parent: Y.XmlFragment | Y.XmlElement; nodes: NoteNode[] }> = [{ parent, nodes }]
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

function fill<T>(map: Y.Map<T>, entries: Record<string, T>): void {
  for (const key of Object.keys(entries).sort()) map.set(key, entries[key]!)
}

/**
 * Writes a validated export into a fresh document, in one transaction, under the new assessment's id.
 * Only called on an empty document: the server creates it and nothing else has written to it yet.
 */
export function importJson(doc: Y.Doc, data: BoardExport, assessmentId: string): void {
  const { board } = data
  doc.transact(() => {
    const meta = metaMap(doc)
    for (const [key, value] of Object.entries(board.meta)) meta.set(key, value)
    meta.set('assessmentId', assessmentId)
    fill(peopleMap(doc), board.people)
    fill(ticksMap(doc), board.ticks)
    fill(agreedMap(doc), board.agreed)
    fill(commentsMap(doc), board.comments)
    fill(threadsMap(doc), board.threads)
    fill(actionsMap(doc), board.actions)
    fill(peerMap(doc), board.peer)
    fill(sessionsMap(doc), board.sessions)
    fill(liveMap(doc), board.live)
    fill(evidenceMap(doc), board.evidence ?? {})
    fill(evidenceMarksMap(doc), board.evidenceMarks ?? {})
    fill(previousMap(doc), board.previous ?? {})
    fill(moderationMap(doc), board.moderation ?? {})
    fill(reviewLogMap(doc), board.reviewLog ?? {})
    fill(recordedMap(doc), board.recorded ?? {})
    for (const [areaId, nodes] of Object.entries(board.notes)) insertNotes(noteFragment(doc, areaId), nodes)
  }, serverOrigin('import'))
}
