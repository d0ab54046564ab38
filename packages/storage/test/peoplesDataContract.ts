import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ConflictError } from '../src/conflictError.ts'
import { NotFoundError } from '../src/notFoundError.ts'
import type { Storage } from '../src/storagePort.ts'
import { anAssessment, anInvite, aParticipant } from './recordFixtures.ts'

const updateOf = (key: string) => {
  const doc = new Y.Doc()
  doc.getMap('ticks').set(key, { ticked: true, at: 1 })
  return Y.encodeStateAsUpdate(doc)
}

/**
 * What every adapter must do with people's data: groups set per assessment, people with no group,
 * erasure of a name, equality answers kept apart from who gave them, retention, and deleting an
 * assessment with every document of it. Called from describeStorageContract with the same hooks.
 */
export function describePeoplesDataContract(
  name: string,
  open: () => Promise<Storage>,
  cleanup: () => Promise<void>,
): void {
  describe(`${name}: people's data`, () => {
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

    it('keeps an assessment’s groups and retention, and an invite’s groups, across a restart', async () => {
      const groups = [
        { id: 'ics', label: 'ICS or statutory organisation' },
        { id: 'healthwatch', label: 'Healthwatch' },
      ]
      const assessment = anAssessment({ groups, retentionDays: 365 })
      await storage.metadata.createAssessment(assessment)
      await storage.metadata.createAssessment(anAssessment({ id: 'old-style' }))
      const invite = anInvite({ groups: ['healthwatch'] })
      await storage.metadata.createInvite(invite)
      await storage.metadata.addParticipant(aParticipant({ group: 'healthwatch' }))
      await storage.metadata.addParticipant(
        aParticipant({
          id: 'observer-1',
          role: 'observer',
          group: null,
          joinedAt: '2025-03-02T11:00:00.000Z',
        }),
      )
      await reopen()
      expect(await storage.metadata.getAssessment(assessment.id)).toEqual(assessment)
      // A record made before groups and retention existed comes back without them, not with nulls.
      const old = await storage.metadata.getAssessment('old-style')
      expect(old && 'groups' in old && old.groups !== undefined).toBe(false)
      expect(old?.retentionDays).toBeUndefined()
      expect(await storage.metadata.getInvite(invite.id)).toEqual(invite)
      expect((await storage.metadata.listParticipants(assessment.id)).map((p) => p.group)).toEqual([
        'healthwatch',
        null,
      ])
    })

    it('changes groups and retention by patch; a null retention means kept until deleted', async () => {
      await storage.metadata.createAssessment(anAssessment())
      const groups = [{ id: 'carers', label: 'Carers' }]
      const patched = await storage.metadata.updateAssessment('asmt-1', { groups, retentionDays: 30 })
      expect(patched).toMatchObject({ groups, retentionDays: 30 })
      const cleared = await storage.metadata.updateAssessment('asmt-1', { retentionDays: null })
      expect(cleared.retentionDays).toBeUndefined()
      expect((await storage.metadata.getAssessment('asmt-1'))?.retentionDays).toBeUndefined()
      expect((await storage.metadata.getAssessment('asmt-1'))?.groups).toEqual(groups)
    })

    it('replaces a participant’s name and organisation on request', async () => {
      await storage.metadata.createAssessment(anAssessment())
      await storage.metadata.createInvite(anInvite())
      await storage.metadata.addParticipant(aParticipant())
      const renamed = await storage.metadata.renameParticipant('person-1', {
        displayName: 'A participant from VCSE',
        organisation: '',
      })
      expect(renamed).toEqual(aParticipant({ displayName: 'A participant from VCSE', organisation: '' }))
      await reopen()
      expect((await storage.metadata.getParticipant('person-1'))?.displayName).toBe('A participant from VCSE')
      await expect(
        storage.metadata.renameParticipant('nobody', { displayName: 'x', organisation: '' }),
      ).rejects.toBeInstanceOf(NotFoundError)
    })

    it('keeps equality answers apart from who gave them, once per person', async () => {
      await storage.metadata.createAssessment(anAssessment())
      await storage.metadata.addEqualityAnswers('asmt-1', 'person-b', { age: '65-plus', sex: 'female' })
      await storage.metadata.addEqualityAnswers('asmt-1', 'person-a', { age: '25-34' })
      await expect(
        storage.metadata.addEqualityAnswers('asmt-1', 'person-a', { age: '35-49' }),
      ).rejects.toBeInstanceOf(ConflictError)
      await expect(
        storage.metadata.addEqualityAnswers('missing', 'person-a', { age: '35-49' }),
      ).rejects.toBeInstanceOf(NotFoundError)
      await reopen()
      const answers = await storage.metadata.listEqualityAnswers('asmt-1')
      // Listed by content, not by when: the second answer given comes first.
      expect(answers).toEqual([{ age: '25-34' }, { age: '65-plus', sex: 'female' }])
      expect(JSON.stringify(answers)).not.toMatch(/person-/)
      expect(await storage.metadata.hasAnsweredEquality('asmt-1', 'person-a')).toBe(true)
      expect(await storage.metadata.hasAnsweredEquality('asmt-1', 'person-c')).toBe(false)
    })

    it('deletes an assessment with its invites, people, answers and settings, and nothing else', async () => {
      await storage.metadata.createAssessment(anAssessment())
      await storage.metadata.createAssessment(anAssessment({ id: 'next', previousAssessmentId: 'asmt-1' }))
      await storage.metadata.createInvite(anInvite())
      await storage.metadata.createInvite(anInvite({ id: 'inv-next', assessmentId: 'next', tokenHash: 'h2' }))
      await storage.metadata.addParticipant(aParticipant())
      await storage.metadata.addEqualityAnswers('asmt-1', 'person-1', { age: '25-34' })
      await storage.metadata.setSetting('smallNumberThreshold:asmt-1', '5')
      await storage.metadata.setSetting('smallNumberThreshold:next', '4')
      await storage.metadata.setSetting('adminKeyHash', 'kept')

      expect(await storage.metadata.deleteAssessment('asmt-1')).toBe(true)
      expect(await storage.metadata.deleteAssessment('asmt-1')).toBe(false)
      await reopen()
      expect(await storage.metadata.getAssessment('asmt-1')).toBeUndefined()
      expect(await storage.metadata.getInvite('inv-1')).toBeUndefined()
      expect(await storage.metadata.findInviteByTokenHash('hash-1')).toBeUndefined()
      expect(await storage.metadata.getParticipant('person-1')).toBeUndefined()
      expect(await storage.metadata.listEqualityAnswers('asmt-1')).toEqual([])
      expect(await storage.metadata.hasAnsweredEquality('asmt-1', 'person-1')).toBe(false)
      expect(await storage.metadata.listSettings()).toEqual({
        adminKeyHash: 'kept',
        'smallNumberThreshold:next': '4',
      })
      expect(await storage.metadata.getAssessment('next')).toEqual(
        anAssessment({ id: 'next', previousAssessmentId: null }),
      )
      expect(await storage.metadata.getInvite('inv-next')).toBeDefined()
    })

    it('deletes a document’s snapshot and log, durably, leaving other documents', async () => {
      const names = ['asmt-1', 'asmt-1.blind.person-1', 'asmt-2']
      for (const n of names) await storage.documents.appendUpdate(n, updateOf(n))
      await storage.documents.compact('asmt-1', updateOf('compacted'))
      await storage.documents.appendUpdate('asmt-1', updateOf('after-compaction'))

      await storage.documents.deleteDocument('asmt-1')
      await storage.documents.deleteDocument('asmt-1.blind.person-1')
      await storage.documents.deleteDocument('never-stored')
      expect(await storage.documents.loadDocument('asmt-1')).toBeNull()
      await reopen()
      expect(await storage.documents.loadDocument('asmt-1')).toBeNull()
      expect(await storage.documents.loadDocument('asmt-1.blind.person-1')).toBeNull()
      expect(await storage.documents.logLength('asmt-1')).toBe(0)
      expect(await storage.documents.listDocuments()).toEqual(['asmt-2'])
      // A name used again after deletion starts empty.
      await storage.documents.appendUpdate('asmt-1', updateOf('new'))
      const doc = new Y.Doc()
      Y.applyUpdate(doc, (await storage.documents.loadDocument('asmt-1'))!)
      expect([...doc.getMap('ticks').keys()]).toEqual(['new'])
    })
  })
}
