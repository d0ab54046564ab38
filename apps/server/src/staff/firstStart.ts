import type { MetadataStore } from '@co-assess/storage'
import { ConflictError } from '@co-assess/storage'
import { createStaffInvite } from './staffInvites.ts'

export const DEFAULT_ORGANISATION_ID = 'default-organisation'

/**
 * The organisation every assessment made before organisations belongs to, made on first start; and
 * the migration that attaches those older assessments to it (run at every start: it finds none after
 * the first, and a record restored from an old backup is attached too). Returns how many it attached.
 */
export async function attachToDefaultOrganisation(metadata: MetadataStore): Promise<number> {
  if (!(await metadata.getOrganisation(DEFAULT_ORGANISATION_ID))) {
    try {
      await metadata.createOrganisation({
        id: DEFAULT_ORGANISATION_ID,
        name: 'Our organisation',
        places: [],
        createdAt: new Date().toISOString(),
      })
    } catch (error) {
      // Another instance starting at the same moment made it first.
      if (!(error instanceof ConflictError)) throw error
    }
  }
  let attached = 0
  for (const assessment of await metadata.listAssessments()) {
    if (assessment.organisationId) continue
    await metadata.updateAssessment(assessment.id, { organisationId: DEFAULT_ORGANISATION_ID })
    attached += 1
  }
  return attached
}

/**
 * The one-time set-up link that makes the first administrator. Made once for the store (the setting
 * records it), so only the first start of the first instance prints it; later administrators are
 * invited by link, and the admin key can always make another link.
 */
export async function firstAdministratorLink(metadata: MetadataStore): Promise<string | null> {
  const claim = `${process.pid}-${Date.now()}-${Math.random()}`
  if ((await metadata.setSettingIfAbsent('firstAdministratorLinkMadeBy', claim)) !== claim) return null
  const { token } = await createStaffInvite(metadata, {
    organisationId: DEFAULT_ORGANISATION_ID,
    role: 'administrator',
    createdBy: null,
    days: 30,
  })
  return `/staff/join/${token}`
}
