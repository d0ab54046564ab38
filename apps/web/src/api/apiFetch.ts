/** An API answer that was not a success, with the server's own sentence for the person. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  body?: unknown
  token?: string | null
  signal?: AbortSignal
}

const OFFLINE = 'Could not reach the Co-assess server. Check your connection, then try again.'

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (request.body !== undefined) headers['Content-Type'] = 'application/json'
  if (request.token) headers.Authorization = `Bearer ${request.token}`
  let response: Response
  try {
    response = await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    })
  } catch (error) {
    throw offlineError(error)
  }
  return answerOf<T>(response)
}

/** What a fetch that never got an answer throws: an abort stays an abort, anything else is "offline". */
export function offlineError(error: unknown): unknown {
  if ((error as Error).name === 'AbortError') return error
  return new ApiError(0, 'Offline', OFFLINE)
}

/** An API answer's body, or the ApiError it carries. */
export async function answerOf<T>(response: Response): Promise<T> {
  const text = await response.text()
  const data = parseJson(text)
  if (!response.ok) throw errorFrom(response.status, data)
  return data as T
}

function parseJson(text: string): unknown {
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** Turns an error body into an ApiError; a body without a message still gets a sentence a person can act on. */
export function errorFrom(status: number, data: unknown): ApiError {
  const body = (typeof data === 'object' && data !== null ? data : {}) as {
    error?: unknown
    message?: unknown
  }
  const code = typeof body.error === 'string' ? body.error : `Http${status}`
  if (typeof body.message === 'string' && body.message.trim()) return new ApiError(status, code, body.message)
  const fallback =
    status === 401
      ? 'Your sign-in has expired. Open your invite link again.'
      : status === 403
        ? 'You do not have permission to do that.'
        : status === 404
          ? 'That could not be found.'
          : status === 429
            ? 'Too many requests. Wait a minute, then try again.'
            : 'Something went wrong on the server. Try again in a moment.'
  return new ApiError(status, code, fallback)
}
