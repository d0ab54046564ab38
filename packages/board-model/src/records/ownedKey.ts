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
    const slash = key.indexOf(OWNER_SEPARATOR)
    if (slash <= 0) return null
    const ownerId = ownerSchema.safeParse(key.slice(0, slash))
    const rest = restSchema.safeParse(key.slice(slash + 1))
    return ownerId.success && rest.success ? { personId: ownerId.data, rest: rest.data } : null
  }
  return Object.assign(encode, { decode })
}
