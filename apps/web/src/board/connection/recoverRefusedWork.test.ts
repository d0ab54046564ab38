import { addComment, noteFragment, setTick, startBlindRound, tickKey } from '@co-assess/board-model'
import { ticksMap } from '@co-assess/board-model/roots'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { describeRecovery, recoverRefusedWork } from './recoverRefusedWork.ts'

const REASON = 'Not saved: this area is in a blind round: ticks stay private until the chair reveals them.'

function paragraph(text: string) {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** The server's board, and this device's copy of it from just before the wifi dropped. */
function wentOffline() {
  const server = new Y.Doc()
  setTick(server, 'ana1', '4a.emerging.1', true, 1)
  noteFragment(server, '2a').insert(0, [paragraph('Agreed so far')])
  const device = new Y.Doc()
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server))
  return { server, device }
}

describe('recoverRefusedWork', () => {
  it('puts back ticks and notes made offline, routing ticks in a now-blind area to the private document', () => {
    const { server, device } = wentOffline()
    // Offline on this device.
    setTick(device, 'ana1', '1a.emerging.1', true, 10)
    setTick(device, 'ana1', '2a.emerging.1', true, 10)
    setTick(device, 'ana1', '3a.emerging.1', true, 10)
    setTick(device, 'ana1', '4a.emerging.1', true, 1)
    noteFragment(device, '2a').push([paragraph('Ana, offline')])
    addComment(device, 'ana1', {
      layer: 'host',
      anchor: { areaId: '2a', itemId: null },
      body: { type: 'doc', content: [] },
      text: 'A thought',
      mentions: [],
    })
    // Meanwhile: the chair started a blind round on 1a; Ana unticked 3a later on her phone.
    startBlindRound(server, 'chair1', '1a')
    setTick(server, 'ana1', '3a.emerging.1', false, 20)
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server))
    const blindDoc = new Y.Doc()

    const recovered = recoverRefusedWork({
      refused: device,
      kind: 'board',
      board: fresh,
      blindDoc,
      personId: 'ana1',
      canWrite: true,
    })

    expect(recovered).toEqual({ ticks: 2, privateTicks: 1, noteAreas: ['2a'], lost: ['1 comment'] })
    expect(ticksMap(blindDoc).get(tickKey('ana1', '1a.emerging.1'))?.ticked).toBe(true)
    expect(ticksMap(fresh).has(tickKey('ana1', '1a.emerging.1'))).toBe(false)
    expect(ticksMap(fresh).get(tickKey('ana1', '2a.emerging.1'))?.ticked).toBe(true)
    // The phone's newer untick stands.
    expect(ticksMap(fresh).get(tickKey('ana1', '3a.emerging.1'))?.ticked).toBe(false)
    expect(noteFragment(fresh, '2a').length).toBe(2)
    expect(fresh.getMap('comments').size).toBe(0)

    const message = describeRecovery(REASON, recovered)
    expect(message).toContain('A change you made was not saved because this area is in a blind round')
    expect(message).toContain('2 ticks (1 kept private until the chair reveals the blind round)')
    expect(message).toContain('your evidence notes for 2a')
    expect(message).toContain('please make them again: 1 comment')
  })

  it('keeps nothing for someone who cannot tick or write notes, and says what was lost', () => {
    const { server, device } = wentOffline()
    noteFragment(device, '2a').push([paragraph('Not allowed')])
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server))
    const recovered = recoverRefusedWork({
      refused: device,
      kind: 'board',
      board: fresh,
      blindDoc: null,
      personId: 'obs1',
      canWrite: false,
    })
    expect(recovered.noteAreas).toEqual([])
    expect(recovered.lost).toEqual(['edits to the evidence notes for 2a'])
    expect(noteFragment(fresh, '2a').length).toBe(1)
  })

  it('falls back to the plain refusal when there was nothing else to keep', () => {
    const { server, device } = wentOffline()
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server))
    const recovered = recoverRefusedWork({
      refused: device,
      kind: 'board',
      board: fresh,
      blindDoc: null,
      personId: 'ana1',
      canWrite: true,
    })
    expect(recovered).toEqual({ ticks: 0, privateTicks: 0, noteAreas: [], lost: [] })
    expect(describeRecovery(REASON, recovered)).toMatch(/^Your last change was not saved because/)
  })
})
