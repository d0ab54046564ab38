import { areaIsBlind, tallyArea } from '@co-assess/board-model'
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react'
import { aboutPath, boardPath } from '../../app/route.ts'
import { AppLink } from '../../components/AppLink.tsx'
import { EyeOffIcon } from '../../components/Icons.tsx'
import { AreaConversation } from '../../conversation/AreaConversation.tsx'
import { MentionsList } from '../../conversation/MentionsList.tsx'
import { AreaEvidence } from '../../evidence/AreaEvidence.tsx'
import type { AreaPlace } from '../../framework/frameworkIndex.ts'
import { glossaryMatcher, termsIn } from '../../framework/glossaryMarks.ts'
import { TermMarksProvider, TermText } from '../../framework/TermMarks.tsx'
import { notTheirWords } from '../../framework/whoseWords.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { AreaChairConsole } from '../chair/AreaChairConsole.tsx'
import { shortGroupLabel } from '../groupLabels.ts'
import { useBoardPresence } from '../liveState.tsx'
import { PaperChecklist } from '../paper/PaperChecklist.tsx'
import { RecordFromPaper } from '../paper/RecordFromPaper.tsx'
import { BoardNotices } from '../status/BoardNotices.tsx'
import { AnonymousRoundNotice } from './AnonymousRoundNotice.tsx'
import { AreaPagination } from './AreaPagination.tsx'
import { areaMarkTexts } from './areaMarkTexts.ts'
import { Checklist } from './Checklist.tsx'
import { LevelPanel } from './LevelPanel.tsx'
import { SessionGuide } from './SessionGuide.tsx'
import { TimerDisplay } from './TimerDisplay.tsx'
import { WordsOnThisPage } from './WordsOnThisPage.tsx'

// The notes editor (TipTap) is most of the app's JavaScript: loaded when an area is first opened.
const EvidenceNotes = lazy(() => import('./EvidenceNotes.tsx').then((m) => ({ default: m.EvidenceNotes })))

/** One improvement area: what it is about, its checklist by level, where it stands, and the notes. */
export function AreaView({ place }: { place: AreaPlace }) {
  const { assessment, framework, view, isChair, audience } = useBoardContext()
  const { area, phase } = place
  const marks = useMemo(() => areaMarkTexts(area, phase), [area, phase])
  const words = useMemo(
    () =>
      termsIn(
        [...marks.map(([, text]) => text), ...area.levels.flatMap((l) => l.items.map((i) => i.text))],
        glossaryMatcher(framework.glossary ?? []),
      ),
    [marks, area, framework.glossary],
  )
  const blind = areaIsBlind(view.live, area.id)
  const tally = view.tallies.get(area.id) ?? tallyArea(area, view.ticks.get(area.id), view.people)
  const heading = useRef<HTMLHeadingElement>(null)

  // Moving to another area is a new page for screen reader users: start them at its heading.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.tagName === 'A')
      heading.current?.focus()
  }, [])

  return (
    <TermMarksProvider glossary={framework.glossary} texts={marks}>
      <div className="co-area" data-area-id={area.id}>
        {audience ? null : <BoardNotices areaId={area.id} />}
        <div className="nhsuk-back-link">
          <AppLink className="nhsuk-back-link__link" href={boardPath(assessment.id)}>
            All areas
          </AppLink>
        </div>
        <span className="nhsuk-caption-l">
          Phase {phase.id}: {phase.title}
        </span>
        <h1 className="co-page-title" ref={heading} tabIndex={-1}>
          <span className="co-area-id">{area.id}</span> {area.title}
        </h1>
        <p className="co-area-aim" data-testid="phase-aim">
          {phase.aim ? (
            <>
              <strong>Aim of phase {phase.id}: </strong>
              <TermText markKey="aim" text={phase.aim} />{' '}
            </>
          ) : null}
          <AppLink href={aboutPath(framework.id, assessment.id)}>About this framework</AppLink>
        </p>
        {/* On a projector the room sees counts, never who is where. */}
        {audience ? (
          <p className="co-here" data-testid="audience-note">
            Projector view: the room's counts and the timer. Names, comments and controls are not shown.
          </p>
        ) : (
          <AreaPresence areaId={area.id} />
        )}
        {blind ? (
          <div className="nhsuk-card nhsuk-card--warning co-blind" data-testid="blind-notice">
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading">
                <EyeOffIcon /> Blind round
              </h2>
              <p className="nhsuk-card__description">
                Blind round: your ticks are private until the chair reveals them. Counts for this area are
                hidden until then, so everyone makes up their own mind.
              </p>
            </div>
          </div>
        ) : null}
        <AnonymousRoundNotice areaId={area.id} />
        <TimerDisplay areaId={area.id} audience={audience} />
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <h2 className="nhsuk-heading-m">What this area is about</h2>
            <p>
              <TermText markKey="summary" text={area.summary} />
            </p>
            <div className="nhsuk-inset-text co-hi">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <h3 className="nhsuk-heading-s">Link to health inequalities</h3>
              <p>
                <TermText markKey="healthInequalities" text={area.healthInequalities} />
              </p>
            </div>
            {audience ? null : <WordsOnThisPage entries={words} whose={notTheirWords(framework)} />}
          </div>
          <div className="nhsuk-grid-column-one-half">
            <LevelPanel area={area} tally={tally} blind={blind} />
          </div>
        </div>
        {isChair && !audience ? <SessionGuide area={area} phase={phase} /> : null}
        {isChair && !audience ? <AreaChairConsole area={area} tally={tally} /> : null}
        <Checklist area={area} tally={tally} blind={blind} />
        {audience ? null : <PaperChecklist area={area} />}
        {isChair && !audience ? <RecordFromPaper area={area} /> : null}
        {audience ? null : (
          <>
            <AreaEvidence area={area} />
            <Suspense fallback={<p>Loading the evidence notes…</p>}>
              <EvidenceNotes area={area} />
            </Suspense>
            <AreaConversation area={area} />
            <MentionsList folded />
          </>
        )}
        <AreaPagination place={place} />
      </div>
    </TermMarksProvider>
  )
}

/** Who else is looking at this area: its own component, so people moving draw only this again. */
function AreaPresence({ areaId }: { areaId: string }) {
  const others = useBoardPresence().filter((p) => !p.self && p.areaId === areaId)
  return (
    <p className="co-here" data-testid="area-presence">
      {others.length === 0
        ? 'Nobody else is looking at this area.'
        : `Also looking at this area: ${others.map((p) => `${p.name} (${shortGroupLabel(p.group)})`).join(', ')}.`}
    </p>
  )
}
