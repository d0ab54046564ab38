import { activeSession, countPeople } from '@co-assess/board-model'
import { useAnnounce } from '../Announcer.tsx'
import { useBoardContext } from '../BoardContext.tsx'

const clock = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' })

/** Start and end the session, and "follow me": bring everyone to this area or let them roam. */
export function ChairSessionControls({ areaId }: { areaId: string | null }) {
  const { view, actions, areas } = useBoardContext()
  const announce = useAnnounce()
  const session = activeSession(view)
  const focus = view.live.focus?.areaId ?? null
  const focusTitle = focus ? areas.get(focus)?.area.title : undefined
  // Attendance records each device that connected; a person on a laptop and the projector is one person.
  const attended = countPeople(session?.attendance ?? [], view.people)
  return (
    <div className="co-console__group">
      <h3 className="nhsuk-heading-s">Session</h3>
      <p>
        {session
          ? `Running since ${clock.format(session.startedAt)}; ${attended} ${attended === 1 ? 'person has' : 'people have'} joined it.`
          : 'No session is running. Start one when the workshop begins, so who came is recorded; when you end it, people who came are asked whether they felt heard.'}
      </p>
      <div className="co-button-row">
        {session ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              actions.endSession()
              announce([
                {
                  kind: 'message',
                  text: 'Session ended. People who came for a group are asked whether they felt heard.',
                },
              ])
            }}
          >
            End session
          </button>
        ) : (
          <button
            type="button"
            className="nhsuk-button"
            onClick={() => {
              actions.startSession()
              announce([{ kind: 'message', text: 'Session started.' }])
            }}
          >
            Start session
          </button>
        )}
      </div>
      <h3 className="nhsuk-heading-s">Follow me</h3>
      <p>
        {focus
          ? `Everyone following you is on ${focus}${focusTitle ? ` ${focusTitle}` : ''}. They go with you when you move to another area.`
          : 'Everyone can move between areas freely.'}
      </p>
      <div className="co-button-row">
        {areaId && focus !== areaId ? (
          <button
            type="button"
            className="nhsuk-button"
            onClick={() => {
              actions.focus(areaId)
              announce([{ kind: 'message', text: `Everyone following you is now on ${areaId}.` }])
            }}
          >
            Bring everyone to {areaId}
          </button>
        ) : null}
        {focus ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              actions.focus(null)
              announce([{ kind: 'message', text: 'Everyone can now move freely.' }])
            }}
          >
            Let everyone move freely
          </button>
        ) : null}
      </div>
    </div>
  )
}
