import { areaIsBlind, suggestLevel, tallyArea } from '@co-assess/board-model'
import { type ReactNode, startTransition, useEffect, useState } from 'react'
import { aboutPath, boardPath, reportsPath } from '../../app/route.ts'
import { AppLink } from '../../components/AppLink.tsx'
import { EyeOffIcon, WarningIcon } from '../../components/Icons.tsx'
import { BoardConversation } from '../../conversation/BoardConversation.tsx'
import { ThreadCount } from '../../conversation/ThreadCount.tsx'
import type { FrameworkArea } from '../../framework/frameworkTypes.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { ChairSessionControls } from '../chair/ChairSessionControls.tsx'
import { InvitesPanel } from '../chair/InvitesPanel.tsx'
import { SessionRecordPanel } from '../chair/SessionRecordPanel.tsx'
import { recordedLevelText } from '../levelLabels.ts'
import { useBoardPresence } from '../liveState.tsx'
import { BoardNotices } from '../status/BoardNotices.tsx'

/** The board's front page: every phase and area, with where each stands. */
export function Overview() {
  const { assessment, framework, isChair, canWrite, person, audience } = useBoardContext()
  return (
    <>
      <BoardNotices areaId={null} />
      <span className="nhsuk-caption-l">{assessment.workstream}</span>
      <h1 className="co-page-title">{assessment.title}</h1>
      <p className="nhsuk-body-l">
        Self-assessment against <cite>{framework.title}</cite>.{' '}
        {overviewInvitation(canWrite && !audience, person.role)}
      </p>
      <p>
        <AppLink href={aboutPath(framework.id, assessment.id)} data-testid="about-link">
          About this framework
        </AppLink>
        : what it is for, its principles, who does what, and practical tips for using it.
      </p>
      <p>
        <AppLink href={reportsPath(assessment.id)} data-testid="reports-link">
          Reports and sharing
        </AppLink>
        {isChair
          ? ': the report, downloads, the public "you said, we did" page and assessing again.'
          : ': the report and downloads.'}
      </p>
      {isChair && !audience ? (
        <section className="co-console" aria-labelledby="chair-console-title">
          <h2 id="chair-console-title">Chair console</h2>
          <ChairSessionControls areaId={null} />
          <SessionRecordPanel />
          <InvitesPanel />
        </section>
      ) : null}
      <nav aria-labelledby="areas-title" className="co-overview">
        <h2 id="areas-title">Phases and areas</h2>
        {framework.phases.map((phase) => (
          <section key={phase.id} className="co-phase" aria-labelledby={`phase-${phase.id}`}>
            <h3 id={`phase-${phase.id}`}>
              {phase.id}. {phase.title}
            </h3>
            {phase.aim ? <p className="co-phase__aim">{phase.aim}</p> : null}
            <ul className="nhsuk-list co-area-list">
              {phase.areas.map((area) => (
                <AreaRow key={area.id} area={area} />
              ))}
            </ul>
          </section>
        ))}
      </nav>
      {audience ? null : (
        <DrawnAfterFirst>
          <BoardConversation />
        </DrawnAfterFirst>
      )}
    </>
  )
}

/**
 * Draws its children just after the first render, in a render React may interrupt (a transition).
 * The overview's conversation sits below its areas and is as much again to draw on a finished board
 * (hundreds of comments): drawn second, the areas reach the screen sooner, and the connection's
 * first answer from the server is not held behind drawing comments nobody can see yet. The state is
 * here, not in the overview, so that showing them draws nothing else again.
 */
function DrawnAfterFirst({ children }: { children: ReactNode }) {
  const [drawn, setDrawn] = useState(false)
  useEffect(() => startTransition(() => setDrawn(true)), [])
  return drawn ? children : null
}

/** What this person can do here, in a sentence: only the people taking part tick. */
function overviewInvitation(canTick: boolean, role: string): string {
  if (canTick)
    return 'Choose an area to tick the items you believe are in place, see where groups agree and disagree, and write the evidence together.'
  if (role === 'peer-reviewer')
    return 'Choose an area to see how the room counted each item, comment on items and the area, and suggest a level for the area.'
  if (role === 'observer')
    return 'Choose an area to follow how the room counts each item, where groups agree and disagree, and the discussion.'
  return 'Choose an area to see how the room counted each item and where groups agree and disagree.'
}

function AreaRow({ area }: { area: FrameworkArea }) {
  const { assessment, framework, view } = useBoardContext()
  const blind = areaIsBlind(view.live, area.id)
  const tally = view.tallies.get(area.id) ?? tallyArea(area, view.ticks.get(area.id), view.people)
  const suggestion = view.suggestions.get(area.id) ?? suggestLevel(area, tally, framework.levels)
  const agreed = view.agreed.get(area.id)
  const disagreements = [...tally.items.values()].filter((t) => t.disagreement).length
  const isFocus = view.live.focus?.areaId === area.id
  return (
    <li className="co-area-row">
      <AppLink className="co-area-row__link" href={boardPath(assessment.id, area.id)}>
        <span className="co-area-row__id">{area.id}</span> {area.title}
      </AppLink>
      <span className="co-area-row__facts">
        <strong
          className={`nhsuk-tag ${agreed ? 'nhsuk-tag--green' : 'nhsuk-tag--white'}`}
          data-testid="recorded-level"
        >
          {recordedLevelText(agreed, framework.levels)}
        </strong>
        {blind ? (
          <strong className="nhsuk-tag nhsuk-tag--grey">
            <EyeOffIcon /> Blind round
          </strong>
        ) : null}
        {view.live.rounds.get(area.id)?.mode === 'anonymous' ? (
          <strong className="nhsuk-tag nhsuk-tag--grey">Anonymous round</strong>
        ) : null}
        {blind ? null : suggestion.level ? (
          <strong className="nhsuk-tag nhsuk-tag--blue">Suggested: {suggestion.label}</strong>
        ) : null}
        {!blind && disagreements > 0 ? (
          <strong className="nhsuk-tag nhsuk-tag--orange">
            <WarningIcon />{' '}
            {disagreements === 1
              ? '1 item where groups disagree'
              : `${disagreements} items where groups disagree`}
          </strong>
        ) : null}
        {isFocus ? <strong className="nhsuk-tag nhsuk-tag--purple">The chair is here</strong> : null}
        <ThreadCount areaId={area.id} />
        <PeopleLooking areaId={area.id} />
      </span>
    </li>
  )
}

/** How many people are looking at an area: its own component, so people moving draw only this again. */
function PeopleLooking({ areaId }: { areaId: string }) {
  const here = useBoardPresence().filter((p) => p.areaId === areaId).length
  return here > 0 ? (
    <span className="co-area-row__here">{here === 1 ? '1 person looking' : `${here} people looking`}</span>
  ) : null
}
