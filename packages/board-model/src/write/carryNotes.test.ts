import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardShape } from '../guard/boardShape.ts'
import { guardUpdate } from '../guard/guardUpdate.ts'
import { tickKey } from '../records/tick.ts'
import { noteFragment, ticksMap } from '../roots.ts'
import { unsavedWork } from './carryNotes.ts'
import { addComment } from './comments.ts'
import { startBlindRound } from './session.ts'
import { setTick } from './ticks.ts'

/** The part of a framework these tests write to. */
const shape = boardShape([
  { id: '1a', itemIds: ['1a.emerging.1', '1a.emerging.2'] },
  { id: '2a', itemIds: ['2a.emerging.1'] },
  { id: '2b', itemIds: [] },
])

const ana = { personId: 'ana1', role: 'participant' as const, documentKind: 'board' as const }

function paragraph(text: string) {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}
const noteText = (doc: Y.Doc, areaId: string) =>
  noteFragment(doc, areaId)
    .toArray()
    .map((p) => (p as Y.XmlElement).toArray().map((t) => (t as Y.XmlText).toString()))
    .join('|')

/** A server copy and a device copy that were in step when the device went offline. */
function inStep() {
  const server = new Y.Doc()
  noteFragment(server, '1a').insert(0, [paragraph('Shared start')])
  const device = new Y.Doc()
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server))
  return { server, device }
}

describe('unsavedWork', () => {
  it('carries offline note edits without the refused tick, merging with edits made meanwhile', () => {
    const { server, device } = inStep()
    // Offline on the device: a tick, a note edit in two areas, and a comment.
    setTick(device, 'ana1', '1a.emerging.1', true, 5)
    const text = (noteFragment(device, '1a').get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(0, 'Ana: ')
    text.delete(text.length - 6, 6)
    noteFragment(device, '2b').insert(0, [paragraph('Written on the train')])
    addComment(device, 'ana1', {
      layer: 'host',
      anchor: { areaId: '1a', itemId: null },
      body: { type: 'doc', content: [] },
      text: 'Later',
      mentions: [],
    })
    // Meanwhile on the server: the chair started a blind round on 1a, and Ben wrote in the note.
    startBlindRound(server, 'chair1', '1a')
    noteFragment(server, '1a').push([paragraph('Ben was here')])

    const whole = Y.encodeStateAsUpdate(device, Y.encodeStateVector(server))
    expect(guardUpdate(server, whole, ana, shape).allowed).toBe(false)

    const work = unsavedWork(device, server)
    expect(work.noteAreas).toEqual(['1a', '2b'])
    expect([...(work.entries.get('ticks') ?? [])]).toEqual([tickKey('ana1', '1a.emerging.1')])
    expect(work.entries.get('comments')?.size).toBe(1)
    // What is carried is something the server accepts, and it holds only the notes.
    expect(guardUpdate(server, work.noteEdits!, ana, shape)).toMatchObject({ allowed: true })
    Y.applyUpdate(server, work.noteEdits!)
    expect(noteText(server, '1a')).toBe('Ana: Shared|Ben was here')
    expect(noteText(server, '2b')).toBe('Written on the train')
    expect(ticksMap(server).has(tickKey('ana1', '1a.emerging.1'))).toBe(false)
    expect(server.getMap('comments').size).toBe(0)
    // Nothing was left pending: every struct of the carried update integrated.
    expect(server.store.pendingStructs).toBeNull()
    expect(server.store.pendingDs).toBeNull()
  })

  it('has nothing to carry when the device changed no notes', () => {
    const { server, device } = inStep()
    setTick(device, 'ana1', '1a.emerging.1', true, 5)
    const work = unsavedWork(device, server)
    expect(work.noteEdits).toBeNull()
    expect(work.noteAreas).toEqual([])
  })

  it('carries a note deletion of text the server already had', () => {
    const { server, device } = inStep()
    noteFragment(device, '1a').delete(0, 1)
    const work = unsavedWork(device, server)
    expect(work.noteAreas).toEqual(['1a'])
    Y.applyUpdate(server, work.noteEdits!)
    expect(noteFragment(server, '1a').length).toBe(0)
  })
})
