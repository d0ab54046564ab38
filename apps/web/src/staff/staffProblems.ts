/** What the sign-in's return page says for each problem the server names in `?problem=`. */
export const SIGN_IN_PROBLEMS: Record<string, string> = {
  'not-invited':
    'You signed in, but you are not yet staff here. Ask your administrator for a staff link, then open it.',
  'link-used': 'That staff link has been used or has expired. Ask your administrator for a new one.',
  expired: 'Signing in took too long. Try again.',
  failed: 'Signing in did not work. Try again, or ask your administrator if it keeps happening.',
  'no-provider': 'Sign-in through an organisation account is not set up here. Use your staff link.',
}

export function signInProblem(search: string): string | null {
  const code = new URLSearchParams(search).get('problem')
  return code ? (SIGN_IN_PROBLEMS[code] ?? SIGN_IN_PROBLEMS.failed!) : null
}

export const ROLE_LABELS = {
  administrator: 'administrator',
  lead: 'engagement lead',
  member: 'member',
} as const
