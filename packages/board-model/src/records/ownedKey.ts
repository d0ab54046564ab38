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

/**
 * `ownerPattern` and `restPattern` are the patterns the parts' branded schemas are built from
 * (ids.ts), checked directly: a key is decoded for every tick on the board when a finished board is
 * first read (8,400 of them, twice), and zod's safeParse for each part was most of that reading
 * (14 ms against 4 ms in Node; several times more in a page's first, cold run).
 */
export function ownedKey<Owner extends string, Rest extends string>(
  ownerPattern: RegExp,
  restPattern: RegExp,
): OwnedKey<Owner, Rest> {
  const encode = (ownerId: string, rest: string) => `${ownerId}${OWNER_SEPARATOR}${rest}`
  const decode = (key: string) => {
    const parts = splitOwnedKey(key)
    if (!parts || !ownerPattern.test(parts.ownerId) || !restPattern.test(parts.rest)) return null
    // Matching its schema's own pattern is what makes a string one of those ids (the brand).
    return { personId: parts.ownerId as Owner, rest: parts.rest as Rest }
  }
  return Object.assign(encode, { decode })
}

/** Whether `key` is one of `ownerId`'s, without decoding it: a cheap filter before `decode`. */
export function ownedBy(key: string, ownerId: string): boolean {
  return key.length > ownerId.length && key.startsWith(ownerId) && key[ownerId.length] === OWNER_SEPARATOR
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
