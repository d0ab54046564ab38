import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openEmbeddedStorage } from '@co-assess/storage'
import { afterEach, describe, expect, it } from 'vitest'
import { attachToDefaultOrganisation, DEFAULT_ORGANISATION_ID, firstAdministratorLink } from './firstStart.ts'

const dirs: string[] = []
const aStore = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'co-assess-first-start-'))
  dirs.push(dir)
  return { dir, storage: await openEmbeddedStorage({ dir }) }
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const older = (id: string, createdAt: string) => ({
  id,
  title: `Made before organisations ${id}`,
  frameworkId: 'cqc-hi-2025',
  frameworkVersion: '2025.1',
  scope: 'strategic' as const,
  workstream: 'Whole system',
  createdAt,
  previousAssessmentId: null,
  reviewClosedAt: null,
  publication: null,
})

describe('the first start with organisations', () => {
  it('attaches every assessment made before organisations to the default one, once, across a restart', async () => {
    const { dir, storage } = await aStore()
    await storage.metadata.createAssessment(older('asmt-a', '2024-01-01T09:00:00.000Z'))
    await storage.metadata.createAssessment(older('asmt-b', '2024-02-01T09:00:00.000Z'))
    await storage.metadata.createOrganisation({
      id: 'org-x',
      name: 'Another ICS',
      places: [],
      createdAt: '2024-03-01T09:00:00.000Z',
    })
    await storage.metadata.createAssessment({
      ...older('asmt-c', '2024-03-01T09:00:00.000Z'),
      organisationId: 'org-x',
    })
    expect(await attachToDefaultOrganisation(storage.metadata)).toBe(2)
    await storage.close()

    const again = await openEmbeddedStorage({ dir })
    expect(await attachToDefaultOrganisation(again.metadata)).toBe(0)
    const owners = (await again.metadata.listAssessments()).map((a) => [a.id, a.organisationId])
    expect(owners).toEqual([
      ['asmt-a', DEFAULT_ORGANISATION_ID],
      ['asmt-b', DEFAULT_ORGANISATION_ID],
      ['asmt-c', 'org-x'],
    ])
    expect((await again.metadata.getOrganisation(DEFAULT_ORGANISATION_ID))?.name).toBe('Our organisation')
    await again.close()
  })

  it('makes the set-up link once per store, for an administrator of the default organisation', async () => {
    const { storage } = await aStore()
    await attachToDefaultOrganisation(storage.metadata)
    const link = await firstAdministratorLink(storage.metadata)
    expect(link).toMatch(/^\/staff\/join\/[\w-]{32}$/)
    expect(await firstAdministratorLink(storage.metadata)).toBeNull()
    await storage.close()
  })
})
