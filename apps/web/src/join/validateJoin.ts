import type { StakeholderGroup } from '@co-assess/board-model'

export interface JoinForm {
  displayName: string
  organisation: string
  group: StakeholderGroup | ''
}

export type JoinErrors = Partial<Record<keyof JoinForm, string>>

/** The join form's checks, worded as the NHS.UK design system asks: say what to do, not what went wrong. */
export function validateJoin(form: JoinForm, groupNeeded: boolean): JoinErrors {
  const errors: JoinErrors = {}
  const name = form.displayName.trim()
  if (!name) errors.displayName = 'Enter your name'
  else if (name.length > 80) errors.displayName = 'Your name must be 80 characters or fewer'
  const organisation = form.organisation.trim()
  // Optional: people without one had typed "none", which then showed beside their name everywhere.
  if (organisation.length > 120) errors.organisation = 'Organisation must be 120 characters or fewer'
  if (groupNeeded && !form.group) errors.group = 'Select the group you are here for'
  return errors
}
