import { createHmac, randomBytes } from 'node:crypto'
import type { MetadataStore } from '@co-assess/storage'

const KEY_SETTING = 'sessionFeedbackMarkerKey'

/**
 * The one-way marker that says "this person has answered this session" without saying who: an HMAC
 * of the assessment, session and person under a key of its own, so the marker cannot be turned back
 * into a person, nor worked out from a list of person ids without the key. It is stored apart from
 * the answer, which carries only the session and group.
 */
export async function createFeedbackMarker(metadata: MetadataStore) {
  // Instances starting together must agree on one key: the store keeps the first.
  const key = await metadata.setSettingIfAbsent(KEY_SETTING, randomBytes(32).toString('base64url'))
  return (assessmentId: string, sessionId: string, personId: string): string =>
    createHmac('sha256', key).update(`${assessmentId}\u0000${sessionId}\u0000${personId}`).digest('base64url')
}
