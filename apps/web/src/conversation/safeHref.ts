const ALLOWED = new Set(['http:', 'https:', 'mailto:'])

/** A link target fit to render from stored content: absolute http(s) or mailto, nothing else. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null
  const trimmed = value.trim()
  try {
    const url = new URL(trimmed)
    return ALLOWED.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}
