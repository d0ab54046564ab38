/** An error with the status and the sentence a person sees. */
export class HttpError extends Error {
  readonly statusCode: number
  readonly code: string
  constructor(statusCode: number, code: string, message: string) {
    super(message)
    this.statusCode = statusCode
    this.code = code
  }
}

export const badRequest = (message: string) => new HttpError(400, 'BadRequest', message)
export const unauthorized = (message: string) => new HttpError(401, 'Unauthorized', message)
export const forbidden = (message: string) => new HttpError(403, 'Forbidden', message)
export const notFound = (message: string) => new HttpError(404, 'NotFound', message)
export const conflict = (message: string) => new HttpError(409, 'Conflict', message)
export const gone = (message: string) => new HttpError(410, 'Gone', message)
