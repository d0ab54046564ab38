import {
  actionsMap,
  agreedMap,
  commentsMap,
  liveMap,
  metaMap,
  noteFragment,
  peerMap,
  peopleMap,
  serverOrigin,
  sessionsMap,
  threadsMap,
  ticksMap,
} from '@co-assess/board-model'
import * as Y from 'yjs'
import type { BoardExport, NoteNode } from './boardExport.ts'

function buildNode(node: NoteNode): Y.XmlElement | Y.XmlText {
  if (node.type === 'text') {
    const text = new Y.XmlText()
    text.applyDelta(node.delta)
    return text
  }
  const element = new Y.XmlElement(node.name)
  for (const [key, value] of Object.entries(node.attributes))
    element.setAttribute(key, value as unknown as string)
  element.insert(0, node.children.map(buildNode))
  return element
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
    for (const [areaId, nodes] of Object.entries(board.notes))
      noteFragment(doc, areaId).insert(0, nodes.map(buildNode))
  }, serverOrigin('import'))
}
