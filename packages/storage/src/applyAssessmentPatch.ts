import type { AssessmentPatch, AssessmentRecord } from './records.ts'

const PATCHABLE = [
  'title',
  'frameworkId',
  'frameworkVersion',
  'scope',
  'workstream',
  'createdAt',
  'previousAssessmentId',
  'reviewClosedAt',
  'publication',
  'groups',
  'organisationId',
  'plan',
] as const satisfies readonly (keyof AssessmentPatch)[]

/**
 * Copies only known, defined fields: an `id` smuggled into a patch, or a key set to undefined, must
 * not change the stored record.
 */
export function applyAssessmentPatch(record: AssessmentRecord, patch: AssessmentPatch): AssessmentRecord {
  const next: AssessmentRecord = { ...record }
  for (const key of PATCHABLE) {
    const value = patch[key]
    if (value !== undefined) Object.assign(next, { [key]: value })
  }
  // Absent, not null, means "kept until deleted", so both stores hand back the same record.
  if (patch.retentionDays === null) delete next.retentionDays
  else if (patch.retentionDays !== undefined) next.retentionDays = patch.retentionDays
  return next
}
