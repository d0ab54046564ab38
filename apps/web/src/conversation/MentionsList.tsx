import { boardPath } from '../app/route.ts'
import { AppLink } from '../components/AppLink.tsx'
import { anonymousPhrase } from './anonymousComments.ts'
import { mentionsOf } from './conversationView.ts'
import { useTalk } from './useTalk.ts'

/**
 * Comments that mention the person looking: in full on the overview, and folded under every area so
 * that a mention is never more than one click away wherever the person is.
 */
export function MentionsList({ folded = false }: { folded?: boolean }) {
  const talk = useTalk()
  const mentions = mentionsOf(talk.threads, talk.person.id)
  const list =
    mentions.length === 0 ? (
      <p>Nobody has mentioned you in a comment yet.</p>
    ) : (
      <ul className="nhsuk-list nhsuk-list--bullet">
        {mentions.map((m) => (
          <li key={m.commentId}>
            {m.anonymousGroup !== null
              ? `Someone posting without their name (${anonymousPhrase(m.anonymousGroup)})`
              : (talk.view.people.get(m.authorId)?.name ?? 'Someone')}{' '}
            mentioned you on <AppLink href={boardPath(talk.assessment.id, m.areaId)}>area {m.areaId}</AppLink>
            : “{m.text.slice(0, 140)}”
          </li>
        ))}
      </ul>
    )
  if (folded) {
    return (
      <details className="nhsuk-details co-mentions" data-testid="mentions">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">
            Your mentions ({mentions.length === 0 ? 'none' : mentions.length})
          </span>
        </summary>
        <div className="nhsuk-details__text">{list}</div>
      </details>
    )
  }
  return (
    <section aria-labelledby="mentions-title" data-testid="mentions">
      <h2 id="mentions-title">Your mentions</h2>
      {list}
    </section>
  )
}
