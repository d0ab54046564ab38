/** The pages of the web app, read from the address so every page can be linked to and reloaded. */
export type Route =
  | { name: 'home' }
  | { name: 'join'; token: string }
  | { name: 'board'; assessmentId: string; areaId: string | null; page?: 'reports' }
  | { name: 'about'; frameworkId: string }
  | { name: 'staffHome' }
  | { name: 'staffJoin'; token: string }
  | { name: 'newAssessment' }
  | { name: 'notFound' }

const SAFE = /^[A-Za-z0-9_-]{1,128}$/

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeSafely)
  if (parts.length === 0) return { name: 'home' }
  const [first, second, third, fourth] = parts
  if (first === 'join' && second && SAFE.test(second) && parts.length === 2)
    return { name: 'join', token: second }
  if (first === 'a' && second && SAFE.test(second)) {
    if (parts.length === 2) return { name: 'board', assessmentId: second, areaId: null }
    if (third === 'reports' && parts.length === 3)
      return { name: 'board', assessmentId: second, areaId: null, page: 'reports' }
    if (third === 'areas' && fourth && SAFE.test(fourth) && parts.length === 4) {
      return { name: 'board', assessmentId: second, areaId: fourth }
    }
  }
  if (first === 'staff') {
    if (parts.length === 1) return { name: 'staffHome' }
    if (second === 'new' && parts.length === 2) return { name: 'newAssessment' }
    if (second === 'join' && third && SAFE.test(third) && parts.length === 3)
      return { name: 'staffJoin', token: third }
  }
  if (first === 'frameworks' && second && SAFE.test(second) && third === 'about' && parts.length === 3)
    return { name: 'about', frameworkId: second }
  return { name: 'notFound' }
}

function decodeSafely(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return ''
  }
}

export function boardPath(assessmentId: string, areaId?: string | null): string {
  const base = `/a/${encodeURIComponent(assessmentId)}`
  return areaId ? `${base}/areas/${encodeURIComponent(areaId)}` : base
}

/** The board's "Reports and sharing" page. */
export function reportsPath(assessmentId: string): string {
  return `${boardPath(assessmentId)}/reports`
}

/**
 * The "About this framework" page. `fromAssessmentId` gives it a way back to the board it was opened
 * from; the page itself needs no sign-in, since the framework is public.
 */
export function aboutPath(frameworkId: string, fromAssessmentId?: string): string {
  const base = `/frameworks/${encodeURIComponent(frameworkId)}/about`
  return fromAssessmentId ? `${base}?from=${encodeURIComponent(fromAssessmentId)}` : base
}

/** The board an About page was opened from, if the address names a plausible one. */
export function aboutFrom(search: string): string | null {
  const from = new URLSearchParams(search).get('from')
  return from && SAFE.test(from) ? from : null
}
