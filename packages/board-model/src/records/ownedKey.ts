/**
 * A key codec for records owned by one person: `${ownerId}/${rest}`. Keying by the owner lets the
 * server's write guard tell whose a record is from the key alone, before it reads any value.
 *
 * Called as a function it encodes (callers hold ids from a verified token or the framework);
 * `decode` splits a key read from the board and checks both parts, so what comes out is typed.
 */
export interface OwnedKey<Owner extends string, Rest extends string> {
  (ownerId: string, rest: string): string
  decode(key: string): { personId: Owner; rest: Rest } | null
}

export const OWNER_SEPARATOR = '/'

/** What a key part's schema must offer: zod's safeParse, which branded schemas have too. */
interface PartSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false }
}

export function ownedKey<Owner extends string, Rest extends string>(
  ownerSchema: PartSchema<Owner>,
  restSchema: PartSchema<Rest>,
): OwnedKey<Owner, Rest> {
  const encode = (ownerId: string, rest: string) => `${ownerId}${OWNER_SEPARATOR}${rest}`
  const decode = (key: string) => {
    const parts = splitOwnedKey(key)
    if (!parts || parts.ownerId === '') return null
    const ownerId = ownerSchema.safeParse(parts.ownerId)
    const rest = restSchema.safeParse(parts.rest)
    return ownerId.success && rest.success ? { personId: ownerId.data, rest: rest.data } : null
  }
  return Object.assign(encode, { decode })
}

/**
 * A key's owner and the rest, split at the first separator with neither part checked; null without a
 * separator. For a key whose parts are checked elsewhere (the board snapshot's schema reports an
 * owner who is not on the board by name, whatever the rest is); everything else decodes.
 */
export function splitOwnedKey(key: string): { ownerId: string; rest: string } | null {
  const slash = key.indexOf(OWNER_SEPARATOR)
  return slash === -1 ? null : { ownerId: key.slice(0, slash), rest: key.slice(slash + 1) }
}
