/**
 * A download's file name as people will see it in their downloads folder ("Co-assess checklist -
 * Engagement review 2026 - 1a Understanding our population.docx"), made safe for every file system
 * and sent the way browsers read it: a plain ASCII `filename` for old clients and the real name,
 * percent-encoded as UTF-8, in `filename*` (RFC 6266, RFC 8187).
 */

// Characters no file system takes, or that a header must not carry.
const UNSAFE = /[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu
const MAX_NAME = 150

/** A file name from its human parts joined with " - ", stripped of what a file system refuses. */
export function humanFileName(parts: readonly string[], extension: string): string {
  const stem = parts
    .map((part) => part.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' - ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  const cut = [...stem].slice(0, MAX_NAME).join('').trim()
  return `${cut || 'Co-assess'}.${extension}`
}

// RFC 8187's attr-char: everything else is percent-encoded, including ' ( ) * which encodeURIComponent keeps.
const encodeRfc8187 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** The Content-Disposition header value for saving a file under this name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(fileName)}`
}
