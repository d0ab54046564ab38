import { AppLink } from '../components/AppLink.tsx'
import { PageShell } from '../components/PageShell.tsx'
import { boardPath } from './route.ts'

interface Joined {
  assessmentId: string
  name: string
  title: string
}

function joinedBoards(): Joined[] {
  const found: Joined[] = []
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (!key?.startsWith('co-assess:session:')) continue
      const value = JSON.parse(localStorage.getItem(key) ?? 'null') as {
        assessmentId?: string
        title?: string
        person?: { name?: string }
      } | null
      if (value?.assessmentId) {
        found.push({
          assessmentId: value.assessmentId,
          name: value.person?.name ?? '',
          title: value.title ?? `Board ${value.assessmentId}`,
        })
      }
    }
  } catch {
    // Storage refused or damaged: nothing to list.
  }
  return found
}

/** The start page: what Co-assess is, and the boards this device has joined. */
export function HomePage() {
  const boards = joinedBoards()
  return (
    <PageShell>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Co-assess</h1>
          <p className="nhsuk-body-l">
            A live workshop board where integrated care systems, voluntary and community partners and people
            with lived experience assess together how well they engage people and communities to tackle health
            inequalities.
          </p>
          <p>To take part, open the invite link the chair of your session sent you.</p>
          <p>
            Engagement leads and administrators:{' '}
            <AppLink href="/staff">sign in to your organisation’s page</AppLink>.
          </p>
          {boards.length > 0 ? (
            <>
              <h2>Boards you have joined on this device</h2>
              <ul className="nhsuk-list">
                {boards.map((b) => (
                  <li key={b.assessmentId}>
                    <AppLink href={boardPath(b.assessmentId)}>{b.title}</AppLink>
                    {b.name ? ` (as ${b.name})` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </PageShell>
  )
}
