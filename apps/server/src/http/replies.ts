import type { FastifyReply } from 'fastify'
import { contentDisposition } from './contentDisposition.ts'

// Pages carry text people typed: no scripts at all, and report addresses (with ?access=) never leak as a referrer.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
}

/** An HTML page the server renders (a report, a comparison, the public page). */
export const page = (reply: FastifyReply, status: number, html: string, cache = 'no-store') =>
  reply
    .status(status)
    .headers({ ...PAGE_HEADERS, 'cache-control': cache })
    .type('text/html; charset=utf-8')
    .send(html)

/** A file the browser saves rather than shows. */
export const download = (reply: FastifyReply, type: string, filename: string, body: string | Buffer) =>
  reply
    .headers({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // A plain name for old clients and the real one (any language) in filename*, safe in the header.
      'content-disposition': contentDisposition(filename),
    })
    .type(type)
    .send(body)
