import type { MetadataStore } from '@co-assess/storage'
import { nanoid } from 'nanoid'
import { hashSecret } from './hashSecret.ts'

/**
 * The admin key guards creating assessments. From the environment it is used as given; otherwise
 * one is made on first start and returned once so it can be printed, and only its hash is kept.
 */
export async function ensureAdminKey(
  metadata: MetadataStore,
  fromEnv?: string,
): Promise<{ printOnce: string | null }> {
  if (fromEnv) {
    await metadata.setSetting('adminKeyHash', hashSecret(fromEnv))
    return { printOnce: null }
  }
  const key = nanoid(32)
  const hash = hashSecret(key)
  // Only the instance whose key the store kept prints it; the others would print a key that does not work.
  const kept = await metadata.setSettingIfAbsent('adminKeyHash', hash)
  return { printOnce: kept === hash ? key : null }
}
