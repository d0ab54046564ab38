import { type AreaTally, areaIsAnonymous, areaIsBlind } from '@co-assess/board-model'
import { useState } from 'react'
import type { FrameworkArea } from '../../framework/frameworkTypes.ts'
import { useAnnounce } from '../Announcer.tsx'
import { useBoardContext } from '../BoardContext.tsx'
import { AnonymousRoundControls } from './AnonymousRoundControls.tsx'
import { ChairSessionControls } from './ChairSessionControls.tsx'
import { RecordLevelForm } from './RecordLevelForm.tsx'
import { TimerControls } from './TimerControls.tsx'
import { VoiceBalancePanel } from './VoiceBalancePanel.tsx'

/** What the chair runs on this area: the session, follow me, a blind or anonymous round, the timer, the agreed level. */
export function AreaChairConsole({ area, tally }: { area: FrameworkArea; tally: AreaTally }) {
  const { view, actions } = useBoardContext()
  const announce = useAnnounce()
  const round = view.live.rounds.get(area.id)
  const blind = areaIsBlind(view.live, area.id)
  const anonymous = areaIsAnonymous(view.live, area.id)
  // On a shared screen the controls can be tucked away; the choice lasts while the board is open.
  const [open, setOpen] = useState(true)
  return (
    <section className="co-console" aria-labelledby="chair-console-title" data-testid="chair-console">
      <div className="co-console__head">
        <h2 id="chair-console-title">Chair console</h2>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          aria-expanded={open}
          aria-controls="chair-console-body"
          onClick={() => setOpen((v) => !v)}
        >
          {open ? 'Hide chair controls' : 'Show chair controls'}
        </button>
      </div>
      <div id="chair-console-body" hidden={!open}>
        <p className="nhsuk-hint">Only you, as chair, see these controls.</p>
        <div className="co-console__grid">
          <ChairSessionControls areaId={area.id} />
          {/* An anonymous round is never revealed, so a blind round is not offered on its area. */}
          {anonymous ? null : (
            <div className="co-console__group">
              <h3 className="nhsuk-heading-s">Blind round</h3>
              <p>
                {blind
                  ? 'Ticks on this area are private. Reveal them when everyone has ticked.'
                  : round?.mode === 'revealed'
                    ? 'The last blind round on this area has been revealed.'
                    : 'In a blind round everyone ticks without seeing anyone else’s ticks, until you reveal them.'}
              </p>
              <div className="co-button-row">
                {blind ? (
                  <button
                    type="button"
                    className="nhsuk-button"
                    onClick={() => {
                      actions.reveal(area.id)
                      announce([{ kind: 'message', text: `Ticks revealed on ${area.id}.` }])
                    }}
                  >
                    Reveal ticks for {area.id}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary"
                    onClick={() => {
                      actions.startBlindRound(area.id)
                      announce([{ kind: 'message', text: `Blind round started on ${area.id}.` }])
                    }}
                  >
                    Start a blind round on {area.id}
                  </button>
                )}
              </div>
            </div>
          )}
          {/* A blind round must be revealed first, so its ticks are not counted by surprise. */}
          {blind ? null : <AnonymousRoundControls areaId={area.id} />}
          <TimerControls areaId={area.id} />
        </div>
        <VoiceBalancePanel area={area} />
        <RecordLevelForm area={area} tally={tally} blind={blind} />
      </div>
    </section>
  )
}
