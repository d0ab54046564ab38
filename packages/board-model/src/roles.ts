import { z } from 'zod'
import { groupIdSchema } from './groups.ts'

/** What a person may do on an assessment; it comes from their signed token, never from the client. */
export const roleSchema = z.enum(['chair', 'participant', 'peer-reviewer', 'observer'])
export type Role = z.infer<typeof roleSchema>

/**
 * The roles that write the assessment itself (ticks, evidence notes, actions). The write rules, the
 * browser's editors and its private blind-round link all ask this one question.
 */
export function writesTheBoard(role: Role): boolean {
  return role === 'chair' || role === 'participant'
}

/**
 * The stakeholder group a person speaks for; ticks are split by it so differences between groups
 * show. An id from the assessment's own groups (see groups.ts); "peer-reviewer" on older boards means none.
 */
export const stakeholderGroupSchema = groupIdSchema
export type StakeholderGroup = z.infer<typeof stakeholderGroupSchema>

/**
 * The groups a participant or chair can speak for. "peer-reviewer" stays in the stored enum for the
 * people records of peer reviewers, but it is not a group in the room and an invite never accepts it.
 */
export const PARTICIPANT_GROUPS = [
  'ics',
  'vcse',
  'lived-experience',
] as const satisfies readonly StakeholderGroup[]
export const participantGroupSchema = z.enum(PARTICIPANT_GROUPS, {
  error: `must be one of the stakeholder groups: ${PARTICIPANT_GROUPS.join(', ')}`,
})

export { roleLabels, stakeholderGroupLabels } from './roleLabels.ts'
