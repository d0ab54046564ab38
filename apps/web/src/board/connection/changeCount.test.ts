import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { WaitingThings } from './changeCount.ts'

describe('counting changes as a person would', () => {
  it('one tick and one typed sentence are two changes, however many updates they took', () => {
    const doc = new Y.Doc()
    const waiting = new WaitingThings(doc)
    let updates = 0
    doc.on('update', () => updates++)
    const ticks = doc.getMap('ticks')
    ticks.set('person-1/1a.emerging.1', { ticked: true })
    ticks.set('person-1/1a.emerging.1', { ticked: false })
    ticks.set('person-1/1a.emerging.1', { ticked: true })
    const notes = doc.getXmlFragment('note:1a')
    const paragraph = new Y.XmlElement('paragraph')
    notes.insert(0, [paragraph])
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    const sentence = 'Panels meet monthly.'
    for (let i = 0; i < sentence.length; i++) text.insert(i, sentence[i]!)
    expect(updates).toBeGreaterThan(20)
    expect(waiting.count(true)).toBe(2)
  })

  it('counts a comment and an action apart, and forgets what the server has confirmed', () => {
    const doc = new Y.Doc()
    const waiting = new WaitingThings(doc)
    doc.getMap('comments').set('c1', { body: 'Yes' })
    doc.getMap('actions').set('a1', { title: 'Ask the panel' })
    expect(waiting.count(true)).toBe(2)
    expect(waiting.count(false)).toBe(0)
    doc.getMap('comments').set('c2', { body: 'And this' })
    expect(waiting.count(true)).toBe(1)
  })

  it("does not count what arrives from the server or the device's own stored copy", () => {
    const elsewhere = new Y.Doc()
    elsewhere.getMap('ticks').set('person-2/1a.emerging.2', { ticked: true })
    const doc = new Y.Doc()
    const waiting = new WaitingThings(doc)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere), 'server')
    // Something unconfirmed that this device did not make here still reads as one change, never none.
    expect(waiting.count(true)).toBe(1)
    waiting.destroy()
  })
})
