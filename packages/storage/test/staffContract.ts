import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConflictError } from '../src/conflictError.ts'
import { NotFoundError } from '../src/notFoundError.ts'
import type { OrganisationRecord, StaffInviteRecord, StaffRecord } from '../src/records.ts'
import type { Storage } from '../src/storagePort.ts'
import { anAssessment } from './recordFixtures.ts'

const anOrganisation = (overrides: Partial<OrganisationRecord> = {}): OrganisationRecord => ({
  id: 'org-1',
  name: 'North Loamshire ICS',
  places: ['Eastbridge', 'Westholm'],
  createdAt: '2025-02-01T09:00:00.000Z',
  ...overrides,
})

const aStaffMember = (overrides: Partial<StaffRecord> = {}): StaffRecord => ({
  id: 'staff-1',
  organisationId: 'org-1',
  name: 'Aisha Khan',
  role: 'lead',
  identity: { issuer: 'https://login.example/tenant', subject: 'sub-aisha' },
  createdAt: '2025-02-02T09:00:00.000Z',
  ...overrides,
})

const aStaffInvite = (overrides: Partial<StaffInviteRecord> = {}): StaffInviteRecord => ({
  id: 'sinv-1',
  organisationId: 'org-1',
  role: 'lead',
  tokenHash: 'staff-hash-1',
  createdAt: '2025-02-02T08:00:00.000Z',
  expiresAt: '2025-03-02T08:00:00.000Z',
  usedAt: null,
  createdBy: null,
  ...overrides,
})

/**
 * What every adapter must do with organisations, staff and staff invites, and an assessment's
 * organisation and plan. Called from describeStorageContract with the same hooks.
 */
export function describeStaffContract(
  name: string,
  open: () => Promise<Storage>,
  cleanup: () => Promise<void>,
): void {
  describe(`${name}: organisations and staff`, () => {
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

    it('keeps organisations, staff and an assessment’s organisation and plan across a restart', async () => {
      const m = storage.metadata
      await m.createOrganisation(anOrganisation())
      await m.createOrganisation(
        anOrganisation({ id: 'org-0', name: 'South', createdAt: '2025-01-01T09:00:00.000Z' }),
      )
      await m.createStaff(aStaffMember())
      await m.createStaff(aStaffMember({ id: 'staff-2', identity: null, role: 'administrator' }))
      const plan = {
        place: 'Eastbridge',
        areaIds: ['1a', '2b'],
        horizon: 'looking-forward' as const,
        sessionDates: ['2025-05-01'],
      }
      await m.createAssessment(anAssessment({ organisationId: 'org-1', plan }))
      await m.createAssessment(anAssessment({ id: 'asmt-old' }))
      await reopen()
      const again = storage.metadata
      expect((await again.listOrganisations()).map((o) => o.id)).toEqual(['org-0', 'org-1'])
      expect(await again.getOrganisation('org-1')).toEqual(anOrganisation())
      expect(await again.getStaff('staff-2')).toEqual(
        aStaffMember({ id: 'staff-2', identity: null, role: 'administrator' }),
      )
      expect(await again.findStaffByIdentity('https://login.example/tenant', 'sub-aisha')).toEqual(
        aStaffMember(),
      )
      expect(await again.findStaffByIdentity('https://other.example', 'sub-aisha')).toBeUndefined()
      expect((await again.listStaff('org-1')).map((s) => s.id)).toEqual(['staff-1', 'staff-2'])
      expect(await again.listStaff('org-0')).toEqual([])
      expect(await again.getAssessment('asmt-1')).toEqual(anAssessment({ organisationId: 'org-1', plan }))
      // An older record has neither, until the server attaches it to an organisation.
      const old = await again.getAssessment('asmt-old')
      expect(old).not.toHaveProperty('organisationId')
      expect(await again.updateAssessment('asmt-old', { organisationId: 'org-0' })).toMatchObject({
        organisationId: 'org-0',
      })
      expect(await again.updateOrganisation('org-1', { name: 'North ICS', places: ['Eastbridge'] })).toEqual(
        anOrganisation({ name: 'North ICS', places: ['Eastbridge'] }),
      )
    })

    it('refuses a taken id or sign-in, and staff of an unknown organisation', async () => {
      const m = storage.metadata
      await m.createOrganisation(anOrganisation())
      await expect(m.createOrganisation(anOrganisation())).rejects.toBeInstanceOf(ConflictError)
      await m.createStaff(aStaffMember())
      await expect(m.createStaff(aStaffMember())).rejects.toBeInstanceOf(ConflictError)
      await expect(m.createStaff(aStaffMember({ id: 'staff-9' }))).rejects.toBeInstanceOf(ConflictError)
      await expect(
        m.createStaff(aStaffMember({ id: 'staff-8', organisationId: 'nowhere', identity: null })),
      ).rejects.toBeInstanceOf(NotFoundError)
      await expect(m.updateOrganisation('nowhere', { name: 'x', places: [] })).rejects.toBeInstanceOf(
        NotFoundError,
      )
      await expect(m.createStaffInvite(aStaffInvite({ organisationId: 'nowhere' }))).rejects.toBeInstanceOf(
        NotFoundError,
      )
    })

    it('uses a staff invite once, making one member of staff however many accept at once', async () => {
      const m = storage.metadata
      await m.createOrganisation(anOrganisation())
      await m.createStaffInvite(aStaffInvite())
      await expect(m.createStaffInvite(aStaffInvite({ id: 'sinv-2' }))).rejects.toBeInstanceOf(ConflictError)
      const results = await Promise.allSettled(
        ['a', 'b', 'c'].map((k) =>
          m.acceptStaffInvite('sinv-1', aStaffMember({ id: `staff-${k}`, identity: null })),
        ),
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError)
      await reopen()
      expect(await storage.metadata.listStaff('org-1')).toHaveLength(1)
      const used = await storage.metadata.findStaffInviteByTokenHash('staff-hash-1')
      expect(used?.usedAt).toBe('2025-02-02T09:00:00.000Z')
      await expect(
        storage.metadata.acceptStaffInvite('nowhere', aStaffMember({ id: 'staff-z', identity: null })),
      ).rejects.toBeInstanceOf(NotFoundError)
    })
  })
}
