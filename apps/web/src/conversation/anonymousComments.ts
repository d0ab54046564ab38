import {
  type Comment,
  type NewComment,
  type Person,
  type StakeholderGroup,
  stakeholderGroupLabels,
  stakeholderGroupSchema,
} from '@co-assess/board-model'
import type { ThreadTalk } from './useTalk.ts'

/** How an anonymous comment's author is shown: by the group they spoke for, never by name. */
export function anonymousPhrase(group: string | undefined): string {
  const label = group ? stakeholderGroupLabels[group] : undefined
  return label ? `a participant from ${label}` : 'a participant'
}

/** The composer's "post without my name" option, for a participant whose anonymous name is known. */
export function anonymousOption(talk: Pick<ThreadTalk, 'alias' | 'group' | 'canWrite' | 'isReviewer'>) {
  return talk.alias && talk.canWrite && !talk.isReviewer ? { anonymousAs: anonymousPhrase(talk.group) } : {}
}

/** The fields that post a comment without the author's name, when they chose to. */
export function postedAs(
  talk: Pick<ThreadTalk, 'alias' | 'group'>,
  anonymous: boolean,
): Pick<NewComment, 'anonymous'> {
  return anonymous && talk.alias ? { anonymous: { alias: talk.alias, group: talk.group } } : {}
}

/** Who raised an action made from a comment: the author's group, which an anonymous comment still gives. */
export function raisedByOf(comment: Comment, author: Person | undefined): StakeholderGroup[] {
  const group = comment.anonymous ? comment.group : author?.group
  if (!group || group === 'peer-reviewer') return []
  const parsed = stakeholderGroupSchema.safeParse(group)
  return parsed.success ? [parsed.data] : []
}
