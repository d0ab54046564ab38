import { boardPath } from '../app/route.ts'
import { AppLink } from '../components/AppLink.tsx'
import { anonymousPhrase } from './anonymousComments.ts'
import { mentionsOf } from './conversationView.ts'
import { useTalk } from './useTalk.ts'

/** Comments that mention the person looking. */
export function MentionsList() {
  const talk = useTalk()
  const mentions = mentionsOf(talk.threads, talk.person.id)
  return (
    <section aria-labelledby="mentions-title" data-testid="mentions">
      <h2 id="mentions-title">Your mentions</h2>
      {mentions.length === 0 ? (
        <p>Nobody has mentioned you in a comment yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {mentions.map((m) => (
            <li key={m.commentId}>
              {m.anonymousGroup !== null
                ? `Someone posting without their name (${anonymousPhrase(m.anonymousGroup)})`
                : (talk.view.people.get(m.authorId)?.name ?? 'Someone')}{' '}
              mentioned you on{' '}
              <AppLink href={boardPath(talk.assessment.id, m.areaId)}>area {m.areaId}</AppLink>: “
              {m.text.slice(0, 140)}”
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
