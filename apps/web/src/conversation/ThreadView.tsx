import {
  addComment,
  type Comment,
  deleteComment,
  editComment,
  organisationShown,
  setThreadResolved,
  stakeholderGroupLabels,
  type Thread,
} from '@co-assess/board-model'
import { memo, useState } from 'react'
import { RecordedMark } from '../board/paper/RecordedMark.tsx'
import { anonymousOption, anonymousPhrase, postedAs } from './anonymousComments.ts'
import { HiddenNotice, MakeActionTool, ModerationTool } from './CommentTools.tsx'
import { Composer } from './LazyComposer.tsx'
import { RichText } from './RichText.tsx'
import type { ThreadTalk } from './useTalk.ts'

// One formatter for every comment: `toLocaleString` with options builds a new one on each call.
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
})
const time = (at: number) => timeFormat.format(new Date(at))

/**
 * One thread: its comments with who wrote them, replies, editing one's own, resolve and reopen. It and
 * its comments render again only when their own props change (a board holds hundreds of comments).
 */
export const ThreadView = memo(function ThreadView({
  thread,
  anchorLabel,
  talk,
  actionFrom,
}: {
  thread: Thread
  anchorLabel: string
  talk: ThreadTalk
  /** Comments already proposed as actions. */
  actionFrom: ReadonlySet<string>
}) {
  const [replying, setReplying] = useState(false)
  const headingId = `thread-${thread.id}`
  // A reviewer settles only threads the review began; the host settles any.
  const canResolve = talk.canComment && (!talk.isReviewer || thread.layer === 'peer')
  return (
    <article
      className="co-thread"
      aria-labelledby={headingId}
      data-thread-id={thread.id}
      data-testid="thread"
    >
      <h3 className="nhsuk-heading-s co-thread__title" id={headingId}>
        {anchorLabel}{' '}
        <strong className={`nhsuk-tag ${thread.resolved ? 'nhsuk-tag--grey' : 'nhsuk-tag--blue'}`}>
          {thread.resolved ? 'Resolved' : 'Open'}
        </strong>{' '}
        {thread.layer === 'peer' ? (
          <strong className="nhsuk-tag nhsuk-tag--purple">Peer review</strong>
        ) : null}
      </h3>
      <ol className="nhsuk-list co-comments">
        {thread.comments.map((c) => (
          <CommentView key={c.id} comment={c} talk={talk} alreadyAction={actionFrom.has(c.id)} />
        ))}
      </ol>
      <div className="co-thread__actions">
        {talk.canComment && !replying ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={() => setReplying(true)}
          >
            Reply<span className="nhsuk-u-visually-hidden"> to {anchorLabel}</span>
          </button>
        ) : null}
        {canResolve ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={() => setThreadResolved(talk.doc, talk.personId, thread.id, !thread.resolved)}
          >
            {thread.resolved ? 'Reopen' : 'Resolve'} thread
            <span className="nhsuk-u-visually-hidden"> on {anchorLabel}</span>
          </button>
        ) : null}
      </div>
      {replying ? (
        <Composer
          label={`Your reply on ${anchorLabel}`}
          submitLabel="Send reply"
          people={talk.peopleList}
          {...anonymousOption(talk)}
          onCancel={() => setReplying(false)}
          onSubmit={(body, text, mentions, anonymous) => {
            addComment(talk.doc, talk.personId, {
              anchor: thread.anchor,
              body,
              text,
              mentions,
              layer: talk.layer,
              threadId: thread.id,
              ...postedAs(talk, anonymous),
            })
            setReplying(false)
          }}
        />
      ) : null}
    </article>
  )
})

const CommentView = memo(function CommentView({
  comment,
  talk,
  alreadyAction,
}: {
  comment: Comment
  talk: ThreadTalk
  alreadyAction: boolean
}) {
  const [editing, setEditing] = useState(false)
  const author = comment.anonymous ? undefined : talk.people.get(comment.authorId)
  // An anonymous comment is under the author's anonymous name, which only they are told.
  const authored =
    comment.authorId === talk.personId || (talk.alias !== null && comment.authorId === talk.alias)
  const mine = authored && talk.canComment
  // While the chair keeps it hidden, its words are off the board and the server refuses changes to it.
  const hidden = talk.moderation.get(comment.id)
  const shownHidden = hidden?.hidden ? hidden : undefined
  if (comment.deleted)
    return (
      <li className="co-comment co-comment--deleted">
        <p className="nhsuk-body-s">This comment was deleted by its author.</p>
      </li>
    )
  return (
    <li className="co-comment" data-testid="comment" data-comment-id={comment.id}>
      <p className="co-comment__by nhsuk-body-s">
        <strong>
          {comment.anonymous
            ? `Posted without a name by ${anonymousPhrase(comment.group)}`
            : (author?.name ?? 'Someone who has left')}
        </strong>
        {mine && comment.anonymous ? ' (you)' : ''}
        {author ? (
          <>
            {organisationShown(author.organisation) ? `, ${organisationShown(author.organisation)}` : ''}.{' '}
            {author.group ? stakeholderGroupLabels[author.group] : ''}
            <RecordedMark personId={author.id} />
          </>
        ) : null}
        {comment.layer === 'peer' ? ' (peer reviewer)' : ''}
        <span className="co-comment__time">
          {' '}
          · {time(comment.createdAt)}
          {comment.editedAt ? ' (edited)' : ''}
        </span>
      </p>
      {shownHidden ? (
        <HiddenNotice record={shownHidden} byName={talk.people.get(shownHidden.by)?.name ?? 'the chair'} />
      ) : editing ? (
        <Composer
          label="Edit your comment"
          submitLabel="Save changes"
          initial={comment.body}
          people={talk.peopleList}
          onCancel={() => setEditing(false)}
          onSubmit={(body, text, mentions) => {
            editComment(talk.doc, comment.authorId, comment.id, body, text, mentions)
            setEditing(false)
          }}
        />
      ) : (
        <RichText body={comment.body} people={talk.people} />
      )}
      <div className="co-comment__tools">
        {mine && !editing && !shownHidden ? (
          <>
            <button type="button" className="co-link-button" onClick={() => setEditing(true)}>
              Edit<span className="nhsuk-u-visually-hidden"> your comment</span>
            </button>
            <button
              type="button"
              className="co-link-button"
              onClick={() => {
                if (window.confirm('Delete your comment? Replies to it stay.'))
                  deleteComment(talk.doc, comment.authorId, comment.id)
              }}
            >
              Delete<span className="nhsuk-u-visually-hidden"> your comment</span>
            </button>
          </>
        ) : null}
        {shownHidden ? null : (
          <MakeActionTool
            comment={comment}
            author={author}
            talk={talk}
            assessmentId={talk.assessmentId}
            alreadyAction={alreadyAction}
            mine={authored}
          />
        )}
        <ModerationTool comment={comment} talk={talk} />
      </div>
    </li>
  )
})
