/**
 * The action that should take keyboard focus when its card appears: set where a comment was just
 * made into an action, taken by that action's card as it mounts (on the overview, where the list is).
 * One at a time; it is cleared once taken, or when the place that asked for it goes away, so a card
 * never steals focus long after.
 */
let pending: string | null = null

export function requestActionFocus(actionId: string): void {
  pending = actionId
}

/** Whether this card should take focus now; true once per request. */
export function takeActionFocus(actionId: string): boolean {
  if (pending !== actionId) return false
  pending = null
  return true
}

export function clearActionFocus(actionId: string | null): void {
  if (actionId !== null && pending === actionId) pending = null
}

/** Whether the request is still waiting for its card (so nothing has taken focus for it yet). */
export function actionFocusPending(actionId: string | null): boolean {
  return actionId !== null && pending === actionId
}
