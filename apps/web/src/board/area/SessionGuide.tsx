import { aboutPath } from '../../app/route.ts'
import { AppLink } from '../../components/AppLink.tsx'
import type { FrameworkArea, FrameworkPhase } from '../../framework/frameworkTypes.ts'
import { GuidanceBlocks } from '../../framework/GuidanceBlocks.tsx'
import { useBoardContext } from '../BoardContext.tsx'

/**
 * "How to run this session", for the chair: the board's steps in our words, then the framework's own
 * practical tips, quoted and said to be quoted. Closed by default (a details element, so it opens by
 * keyboard and says so to a screen reader), since a chair who knows the way needs it out of sight.
 */
export function SessionGuide({ area, phase }: { area: FrameworkArea; phase: FrameworkPhase }) {
  const { assessment, framework } = useBoardContext()
  const tips = framework.guidance?.tips
  return (
    <details className="nhsuk-details co-session-guide" data-testid="session-guide">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">How to run this session</span>
      </summary>
      <div className="nhsuk-details__text">
        <h3 className="nhsuk-heading-s">Steps on the board</h3>
        <p className="nhsuk-hint">Our suggestions for running {area.id} on Co-assess.</p>
        <ol className="nhsuk-list nhsuk-list--number">
          <li>
            Start the session if it is not running, and bring everyone to {area.id} so the room looks at the
            same area.
          </li>
          <li>
            Read out what the area is about{phase.aim ? ` and the aim of phase ${phase.id}` : ''}. Check
            everyone knows the words used; each one is explained on the page.
          </li>
          <li>
            Start a blind round, so each person ticks what they believe is in place without following anyone
            else. Set a timer if it helps.
          </li>
          <li>Reveal the ticks. Start with the items where groups disagree, and ask people to say why.</li>
          <li>
            Record the agreed level with the reasons, and any dissent. Agree actions for what the group wants
            to change, and who will do them.
          </li>
        </ol>
        {tips ? (
          <>
            <h3 className="nhsuk-heading-s">From the framework: {tips.title.toLowerCase()}</h3>
            <p className="nhsuk-hint">Quoted word for word from the framework.</p>
            <blockquote className="co-quote">
              <GuidanceBlocks blocks={tips.blocks} headingLevel={3} anchors={false} />
            </blockquote>
          </>
        ) : null}
        <p>
          <AppLink href={aboutPath(framework.id, assessment.id)}>
            Read all of the framework’s guidance, including roles and how others have used it
          </AppLink>
        </p>
      </div>
    </details>
  )
}
