import type { Role } from './roles.ts'

// The words for roles and the default groups, apart from roles.ts and its schemas: the join form
// shows them, and importing them must not bring zod (and the rest of the board's model) onto the
// join page's first screen (apps/web's entry script).

/** The default groups' names (and the old "peer-reviewer"); an assessment's own are read with groupLabel. */
export const stakeholderGroupLabels: Readonly<Record<string, string>> = {
  ics: 'ICS or statutory organisation',
  vcse: 'Voluntary, community or social enterprise (VCSE)',
  'lived-experience': 'Lived experience or community member',
  'peer-reviewer': 'Peer reviewer',
}

export const roleLabels: Record<Role, string> = {
  chair: 'Chair',
  participant: 'Participant',
  'peer-reviewer': 'Peer reviewer',
  observer: 'Observer',
}
