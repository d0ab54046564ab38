import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConflictError } from '../src/conflictError.ts'
import { NotFoundError } from '../src/notFoundError.ts'
import type { SessionFeedback } from '../src/records.ts'
import type { Storage } from '../src/storagePort.ts'
import { anAssessment } from './recordFixtures.ts'

const answer = (change: Partial<SessionFeedback> = {}): SessionFeedback => ({
  sessionId: 'session-1',
  group: 'vcse',
  heard: 4,
  spoke: 3,
  help: null,
  ...change,
})

/**
 * What every adapter must do with "Did you feel heard?" answers: keep them apart from the markers
 * that say someone answered, refuse a second answer with the same marker, list them in an order
 * that says nothing about when they came, and forget them with their assessment.
 */
export function describeSessionFeedbackContract(
  name: string,
  open: () => Promise<Storage>,
  cleanup: () => Promise<void>,
): void {
  describe(`${name}: session feedback`, () => {
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

    it('keeps each answer apart from its marker, once per marker, across a restart', async () => {
      await storage.metadata.createAssessment(anAssessment())
      const later = answer({ group: 'ics', heard: 5, spoke: 5, help: 'More time on 2b, please.' })
      const earlier = answer({ heard: 2, spoke: 1 })
      await storage.metadata.addSessionFeedback('asmt-1', 'marker-b', later)
      await storage.metadata.addSessionFeedback('asmt-1', 'marker-a', earlier)
      await storage.metadata.addSessionFeedback('asmt-1', 'marker-c', answer({ sessionId: 'session-2' }))
      await expect(
        storage.metadata.addSessionFeedback('asmt-1', 'marker-a', answer({ heard: 5 })),
      ).rejects.toBeInstanceOf(ConflictError)
      await expect(
        storage.metadata.addSessionFeedback('missing', 'marker-z', answer()),
      ).rejects.toBeInstanceOf(NotFoundError)
      await reopen()
      // By session, group and content, never by when each came.
      expect(await storage.metadata.listSessionFeedback('asmt-1')).toEqual([
        later,
        earlier,
        answer({ sessionId: 'session-2' }),
      ])
      expect(JSON.stringify(await storage.metadata.listSessionFeedback('asmt-1'))).not.toMatch(/marker/)
      expect(await storage.metadata.hasSessionFeedbackMarker('asmt-1', 'marker-a')).toBe(true)
      expect(await storage.metadata.hasSessionFeedbackMarker('asmt-1', 'marker-d')).toBe(false)
      // A marker belongs to one assessment: the same value on another is a different person's.
      await storage.metadata.createAssessment(anAssessment({ id: 'asmt-2' }))
      expect(await storage.metadata.hasSessionFeedbackMarker('asmt-2', 'marker-a')).toBe(false)
      await storage.metadata.addSessionFeedback('asmt-2', 'marker-a', answer())
      expect(await storage.metadata.listSessionFeedback('asmt-2')).toEqual([answer()])
    })

    it('forgets the answers and markers with their assessment, and no one else’s', async () => {
      await storage.metadata.createAssessment(anAssessment())
      await storage.metadata.createAssessment(anAssessment({ id: 'kept' }))
      await storage.metadata.addSessionFeedback('asmt-1', 'marker-a', answer())
      await storage.metadata.addSessionFeedback('kept', 'marker-a', answer({ group: 'ics' }))
      expect(await storage.metadata.deleteAssessment('asmt-1')).toBe(true)
      await reopen()
      expect(await storage.metadata.listSessionFeedback('asmt-1')).toEqual([])
      expect(await storage.metadata.hasSessionFeedbackMarker('asmt-1', 'marker-a')).toBe(false)
      expect(await storage.metadata.listSessionFeedback('kept')).toEqual([answer({ group: 'ics' })])
      expect(await storage.metadata.hasSessionFeedbackMarker('kept', 'marker-a')).toBe(true)
    })
  })
}
