import { MODERATION_REASON_MAX, moderationSchema } from '@co-assess/board-model'
import { z } from 'zod'
import { idParam, personText } from './fields.ts'

export const commentParams = z.object({ assessmentId: idParam, commentId: idParam })
export const hideCommentBody = z.strictObject({ reason: personText('The reason', MODERATION_REASON_MAX) })
/** A comment's moderation record as the board keeps it (records/moderation.ts). */
export const moderationResponse = moderationSchema
