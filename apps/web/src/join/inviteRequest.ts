import { answerOf, offlineError } from '../api/apiFetch.ts'
import type { InviteInfo } from '../api/apiTypes.ts'
import { getInvite } from '../api/endpoints.ts'

/**
 * The invite request that index.html starts before the app's scripts have arrived: an invite link's
 * form needs the invite (which board, which groups), and asked for by the join page it would wait for
 * the scripts to load and React to render first.
 */
interface EarlyInvite {
  token: string
  response: Promise<Response>
}

declare global {
  // Set by index.html's inline script (on window, the page's global object).
  var coAssessInvite: EarlyInvite | undefined
}

/** The invite: the page's early request, taken once, else a new one (a retry, another invite). */
export function requestInvite(token: string): Promise<InviteInfo> {
  const early = globalThis.coAssessInvite
  if (early?.token === token) {
    globalThis.coAssessInvite = undefined
    return early.response.then(
      (response) => answerOf<InviteInfo>(response),
      (error: unknown) => {
        throw offlineError(error)
      },
    )
  }
  return getInvite(token)
}
