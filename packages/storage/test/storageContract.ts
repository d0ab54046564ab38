import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ConflictError } from '../src/conflictError.ts'
import { InvalidDocumentNameError } from '../src/invalidDocumentNameError.ts'
import { NotFoundError } from '../src/notFoundError.ts'
import type { Storage } from '../src/storagePort.ts'
import { StorageUnavailableError } from '../src/storageUnavailableError.ts'
import { describePeoplesDataContract } from './peoplesDataContract.ts'
import { anAssessment, anInvite, aParticipant } from './recordFixtures.ts'
import { describeSessionFeedbackContract } from './sessionFeedbackContract.ts'
import { describeStaffContract } from './staffContract.ts'

/** A writer doc whose every transaction's update is collected, to be appended as a client would. */
function recordingDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return { doc, updates }
}

function docFrom(update: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc()
  if (update) Y.applyUpdate(doc, update)
  return doc
}

/** Same Yjs state: same state vector and delete set, hence the same content. */
function expectSameState(stored: Uint8Array | null, writer: Y.Doc): void {
  expect(stored).not.toBeNull()
  const loaded = docFrom(stored)
  expect(Y.equalSnapshots(Y.snapshot(loaded), Y.snapshot(writer))).toBe(true)
  expect(loaded.getMap('ticks').toJSON()).toEqual(writer.getMap('ticks').toJSON())
  expect(loaded.getText('notes').toString()).toEqual(writer.getText('notes').toString())
}

/**
 * The behaviour every storage adapter must have. `open` opens the store under test at the same
 * location each time it is called within a test (so close-and-open is a restart); `cleanup` runs after
 * each test, once the store is closed, and must leave the next test an empty store.
 */
export function describeStorageContract(
  name: string,
  open: () => Promise<Storage>,
  cleanup: () => Promise<void>,
): void {
  describePeoplesDataContract(name, open, cleanup)
  describeStaffContract(name, open, cleanup)
  describeSessionFeedbackContract(name, open, cleanup)
  describe(`${name}: storage contract`, () => {
    let storage: Storage

    beforeEach(async () => {
      storage = await open()
    })
    afterEach(async () => {
      await storage.close()
      await cleanup()
    })

    const reopen = async () => {
      await storage.close()
      storage = await open()
    }

    describe('assessments', () => {
      it('creates, reads and lists assessments, oldest first', async () => {
        const later = anAssessment({ id: 'b', createdAt: '2025-05-01T00:00:00.000Z' })
        const earlier = anAssessment({ id: 'a', createdAt: '2025-01-01T00:00:00.000Z' })
        await storage.metadata.createAssessment(later)
        await storage.metadata.createAssessment(earlier)
        expect(await storage.metadata.getAssessment('b')).toEqual(later)
        expect(await storage.metadata.getAssessment('missing')).toBeUndefined()
        expect(await storage.metadata.listAssessments()).toEqual([earlier, later])
      })

      it('refuses a second assessment with the same id', async () => {
        await storage.metadata.createAssessment(anAssessment())
        await expect(
          storage.metadata.createAssessment(anAssessment({ title: 'Other' })),
        ).rejects.toBeInstanceOf(ConflictError)
        expect((await storage.metadata.getAssessment('asmt-1'))?.title).toBe(anAssessment().title)
      })

      it('updates only the fields given, keeps the id, and stores publication content as JSON', async () => {
        await storage.metadata.createAssessment(anAssessment())
        const publication = {
          publishedAt: '2025-06-01T12:00:00.000Z',
          withdrawnAt: null,
          content: { areas: [{ id: '1a', said: 'More outreach', did: ['Evening sessions'] }], count: 3 },
        }
        const patch = { title: 'Renamed', publication, workstream: undefined, id: 'hijack' }
        const updated = await storage.metadata.updateAssessment('asmt-1', patch)
        expect(updated).toEqual({ ...anAssessment(), title: 'Renamed', publication })
        expect(await storage.metadata.getAssessment('asmt-1')).toEqual(updated)
        expect(await storage.metadata.getAssessment('hijack')).toBeUndefined()
        await expect(storage.metadata.updateAssessment('missing', { title: 'x' })).rejects.toBeInstanceOf(
          NotFoundError,
        )
      })

      it('hands out copies, so a caller editing a record does not edit the store', async () => {
        await storage.metadata.createAssessment(anAssessment())
        const copy = await storage.metadata.getAssessment('asmt-1')
        if (copy) copy.title = 'Edited in memory'
        expect((await storage.metadata.getAssessment('asmt-1'))?.title).toBe(anAssessment().title)
      })

      it('keeps every one of many concurrent writes', async () => {
        const ids = Array.from({ length: 40 }, (_, i) => `concurrent-${String(i).padStart(2, '0')}`)
        await Promise.all([
          ...ids.map((id) => storage.metadata.createAssessment(anAssessment({ id }))),
          ...ids.map((id) => storage.metadata.setSetting(id, `value of ${id}`)),
        ])
        expect((await storage.metadata.listAssessments()).map((a) => a.id)).toEqual(ids)
        for (const id of ids) expect(await storage.metadata.getSetting(id)).toBe(`value of ${id}`)
      })
    })

    describe('invites and participants', () => {
      beforeEach(async () => {
        await storage.metadata.createAssessment(anAssessment())
        await storage.metadata.createAssessment(anAssessment({ id: 'asmt-2' }))
      })

      it('finds an invite by id and by token hash, and lists invites by assessment', async () => {
        const chair = anInvite({ id: 'inv-chair', role: 'chair', tokenHash: 'h-chair', createdBy: 'admin' })
        const guest = anInvite({
          id: 'inv-guest',
          tokenHash: 'h-guest',
          createdAt: '2025-03-01T08:00:00.000Z',
        })
        const elsewhere = anInvite({ id: 'inv-other', assessmentId: 'asmt-2', tokenHash: 'h-other' })
        for (const invite of [chair, guest, elsewhere]) await storage.metadata.createInvite(invite)
        expect(await storage.metadata.getInvite('inv-chair')).toEqual(chair)
        expect(await storage.metadata.findInviteByTokenHash('h-other')).toEqual(elsewhere)
        expect(await storage.metadata.findInviteByTokenHash('h-unknown')).toBeUndefined()
        expect(await storage.metadata.listInvites('asmt-1')).toEqual([guest, chair])
        expect(await storage.metadata.listInvites('asmt-none')).toEqual([])
      })

      it('refuses a duplicate invite id or token hash, and an invite to an unknown assessment', async () => {
        await storage.metadata.createInvite(anInvite())
        await expect(storage.metadata.createInvite(anInvite({ tokenHash: 'new' }))).rejects.toBeInstanceOf(
          ConflictError,
        )
        await expect(storage.metadata.createInvite(anInvite({ id: 'inv-2' }))).rejects.toBeInstanceOf(
          ConflictError,
        )
        await expect(
          storage.metadata.createInvite(anInvite({ id: 'inv-3', tokenHash: 'h3', assessmentId: 'nope' })),
        ).rejects.toBeInstanceOf(NotFoundError)
        expect(await storage.metadata.listInvites('asmt-1')).toEqual([anInvite()])
      })

      it('revokes an invite once, keeping the first revocation time', async () => {
        await storage.metadata.createInvite(anInvite())
        const revoked = await storage.metadata.revokeInvite('inv-1', '2025-03-03T00:00:00.000Z')
        expect(revoked).toEqual({ ...anInvite(), revokedAt: '2025-03-03T00:00:00.000Z' })
        const again = await storage.metadata.revokeInvite('inv-1', '2025-03-09T00:00:00.000Z')
        expect(again.revokedAt).toBe('2025-03-03T00:00:00.000Z')
        expect(await storage.metadata.findInviteByTokenHash('hash-1')).toEqual(revoked)
        await expect(storage.metadata.revokeInvite('missing', 'x')).rejects.toBeInstanceOf(NotFoundError)
      })

      it('adds participants and lists them by assessment', async () => {
        await storage.metadata.createInvite(anInvite())
        await storage.metadata.createInvite(
          anInvite({ id: 'inv-2', assessmentId: 'asmt-2', tokenHash: 'h2' }),
        )
        const priya = aParticipant()
        const sam = aParticipant({
          id: 'person-2',
          displayName: 'Sam',
          group: 'lived-experience',
          joinedAt: '2025-03-02T09:00:00.000Z',
        })
        const other = aParticipant({
          id: 'person-3',
          assessmentId: 'asmt-2',
          inviteId: 'inv-2',
          group: 'ics',
        })
        for (const p of [priya, sam, other]) await storage.metadata.addParticipant(p)
        expect(await storage.metadata.getParticipant('person-2')).toEqual(sam)
        expect(await storage.metadata.getParticipant('nobody')).toBeUndefined()
        expect(await storage.metadata.listParticipants('asmt-1')).toEqual([sam, priya])
        expect(await storage.metadata.listParticipants('asmt-2')).toEqual([other])
        await expect(storage.metadata.addParticipant(priya)).rejects.toBeInstanceOf(ConflictError)
        await expect(
          storage.metadata.addParticipant(aParticipant({ id: 'person-9', inviteId: 'no-invite' })),
        ).rejects.toBeInstanceOf(NotFoundError)
      })
    })

    it('keeps the first of several racing values for a setting set only if absent', async () => {
      const kept = await Promise.all(
        ['a', 'b', 'c'].map((v) => storage.metadata.setSettingIfAbsent('secret', v)),
      )
      expect(new Set(kept).size).toBe(1)
      expect(await storage.metadata.getSetting('secret')).toBe(kept[0])
      expect(await storage.metadata.setSettingIfAbsent('secret', 'later')).toBe(kept[0])
    })

    it('stores and replaces settings', async () => {
      expect(await storage.metadata.getSetting('tokenSigningKey')).toBeUndefined()
      await storage.metadata.setSetting('tokenSigningKey', 'first')
      await storage.metadata.setSetting('adminKeyHash', 'scrypt$abc')
      await storage.metadata.setSetting('tokenSigningKey', 'second')
      expect(await storage.metadata.getSetting('tokenSigningKey')).toBe('second')
      expect(await storage.metadata.getSetting('adminKeyHash')).toBe('scrypt$abc')
      expect(await storage.metadata.listSettings()).toEqual({
        adminKeyHash: 'scrypt$abc',
        tokenSigningKey: 'second',
      })
    })

    describe('documents', () => {
      it('loads null for a document never stored', async () => {
        expect(await storage.documents.loadDocument('never-written')).toBeNull()
        expect(await storage.documents.logLength('never-written')).toBe(0)
      })

      it('loads what was appended as the same Yjs state as the writer', async () => {
        const { doc, updates } = recordingDoc()
        doc.getMap('ticks').set('1a/emerging/1', true)
        doc.getText('notes').insert(0, 'We heard from the carers forum.')
        doc.getText('notes').delete(0, 3)
        doc.getMap('ticks').delete('1a/emerging/1')
        for (const update of updates) await storage.documents.appendUpdate('asmt-1', update)
        expectSameState(await storage.documents.loadDocument('asmt-1'), doc)
        expect(await storage.documents.logLength('asmt-1')).toBe(updates.length)
      })

      it('keeps all of 1000 concurrent appends, across a restart', async () => {
        const writers = Array.from({ length: 10 }, () => recordingDoc())
        const main = new Y.Doc()
        for (let i = 0; i < 100; i++) {
          for (const [w, writer] of writers.entries()) writer.doc.getMap('ticks').set(`w${w}/item-${i}`, i)
        }
        for (const writer of writers) Y.applyUpdate(main, Y.encodeStateAsUpdate(writer.doc))
        const all = writers.flatMap((writer) => writer.updates)
        expect(all).toHaveLength(1000)
        await Promise.all(all.map((update) => storage.documents.appendUpdate('busy', update)))
        expect(await storage.documents.logLength('busy')).toBe(1000)
        await reopen()
        expectSameState(await storage.documents.loadDocument('busy'), main)
        expect(await storage.documents.logLength('busy')).toBe(1000)
      })

      it('compacts into a snapshot, then appends after it', async () => {
        const { doc, updates } = recordingDoc()
        for (let i = 0; i < 20; i++) doc.getMap('ticks').set(`item-${i}`, i)
        for (const update of updates) await storage.documents.appendUpdate('asmt-1', update)
        await storage.documents.compact('asmt-1', Y.encodeStateAsUpdate(doc))
        expect(await storage.documents.logLength('asmt-1')).toBe(0)
        expectSameState(await storage.documents.loadDocument('asmt-1'), doc)
        updates.length = 0
        doc.getText('notes').insert(0, 'after the snapshot')
        for (const update of updates) await storage.documents.appendUpdate('asmt-1', update)
        expect(await storage.documents.logLength('asmt-1')).toBe(1)
        expectSameState(await storage.documents.loadDocument('asmt-1'), doc)
        await reopen()
        expectSameState(await storage.documents.loadDocument('asmt-1'), doc)
      })

      it('keeps logged updates that the state passed to compact lacks', async () => {
        const { doc, updates } = recordingDoc()
        doc.getMap('ticks').set('seen', true)
        const stale = Y.encodeStateAsUpdate(doc)
        doc.getMap('ticks').set('stored but not yet applied by the caller', true)
        for (const update of updates) await storage.documents.appendUpdate('asmt-1', update)
        await storage.documents.compact('asmt-1', stale)
        expectSameState(await storage.documents.loadDocument('asmt-1'), doc)
      })

      it('lists stored documents, sorted, optionally by prefix', async () => {
        const { doc, updates } = recordingDoc()
        doc.getMap('ticks').set('x', 1)
        for (const name of ['assessment.b', 'assessment.a', 'other'])
          await storage.documents.appendUpdate(name, updates[0]!)
        await storage.documents.compact('snap-only', Y.encodeStateAsUpdate(doc))
        await storage.documents.loadDocument('looked-at-only')
        expect(await storage.documents.listDocuments()).toEqual([
          'assessment.a',
          'assessment.b',
          'other',
          'snap-only',
        ])
        expect(await storage.documents.listDocuments('assessment.')).toEqual(['assessment.a', 'assessment.b'])
        expect(await storage.documents.listDocuments('none')).toEqual([])
      })

      it('refuses document names that are not plain names', async () => {
        const update = Y.encodeStateAsUpdate(new Y.Doc())
        for (const bad of ['../escape', 'a/b', '', 'x'.repeat(129), 'a..b', 'spaces here']) {
          await expect(storage.documents.appendUpdate(bad, update)).rejects.toBeInstanceOf(
            InvalidDocumentNameError,
          )
          await expect(storage.documents.loadDocument(bad)).rejects.toBeInstanceOf(InvalidDocumentNameError)
        }
      })
    })

    it('loses nothing across close and open', async () => {
      await storage.metadata.createAssessment(anAssessment())
      await storage.metadata.createInvite(anInvite())
      await storage.metadata.addParticipant(aParticipant())
      await storage.metadata.setSetting('tokenSigningKey', 'secret')
      const { doc, updates } = recordingDoc()
      doc.getMap('ticks').set('before snapshot', true)
      for (const update of updates.splice(0)) await storage.documents.appendUpdate('asmt-1', update)
      await storage.documents.compact('asmt-1', Y.encodeStateAsUpdate(doc))
      doc.getMap('ticks').set('after snapshot', true)
      for (const update of updates.splice(0)) await storage.documents.appendUpdate('asmt-1', update)

      await reopen()
      expect(await storage.metadata.listAssessments()).toEqual([anAssessment()])
      expect(await storage.metadata.findInviteByTokenHash('hash-1')).toEqual(anInvite())
      expect(await storage.metadata.listParticipants('asmt-1')).toEqual([aParticipant()])
      expect(await storage.metadata.getSetting('tokenSigningKey')).toBe('secret')
      expectSameState(await storage.documents.loadDocument('asmt-1'), doc)
      expect(await storage.documents.logLength('asmt-1')).toBe(1)
      expect(await storage.documents.listDocuments()).toEqual(['asmt-1'])
    })

    it('describes where it stores data', () => {
      expect(storage.describe()).toMatch(/\S/)
    })

    it('takes a probe write while open and refuses it, as unavailable, once closed', async () => {
      await storage.checkWritable()
      await storage.checkWritable()
      await storage.close()
      await expect(storage.checkWritable()).rejects.toBeInstanceOf(StorageUnavailableError)
    })
  })
}
