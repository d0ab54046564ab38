import { DISCUSSION_QUESTIONS, readGroups } from '@co-assess/board-model'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { downloadChecklist } from '../../api/paperEndpoints.ts'
import type { FrameworkArea } from '../../framework/frameworkTypes.ts'
import { useBoardContext } from '../BoardContext.tsx'
import './paper.css'

/**
 * "Taking part on paper or by phone": print this area's checklist and discussion guide, or download
 * it (or every area's) as Word. Anyone who may see the board may have it: it carries the framework's
 * words and the assessment's title, nothing anyone wrote.
 */
export function PaperChecklist({ area }: { area: FrameworkArea }) {
  const { assessment, keeper, areas } = useBoardContext()
  // Printing every area is asked for once, then the page goes back to printing its own area.
  const [printing, setPrinting] = useState<'area' | 'all' | null>(null)
  useEffect(() => {
    if (!printing) return
    // The browser's print waits while its dialog is open; the form printed is the one asked for.
    window.print()
    setPrinting(null)
  }, [printing])
  const printed = printing === 'all' ? [...areas.values()].map((p) => p.area) : [area]
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' | 'error'; text: string }
  >({ kind: 'idle' })
  const download = async (areaIds: string[]) => {
    setState({ kind: 'busy' })
    try {
      const name = await downloadChecklist(assessment.id, await keeper.token(), areaIds)
      setState({ kind: 'done', text: `Downloaded “${name}”.` })
    } catch (error) {
      setState({ kind: 'error', text: (error as Error).message })
    }
  }
  return (
    <section className="co-paper" aria-labelledby="paper-title" data-testid="paper-checklist">
      <h2 id="paper-title" className="nhsuk-heading-m">
        Taking part on paper or by phone
      </h2>
      <p>
        For someone who cannot use the board: print this area’s checklist for them to fill in, or use it on a
        phone call. It has empty boxes to tick, the questions to talk about, and space to write their views.
      </p>
      <div className="co-button-row">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setPrinting('area')}
        >
          Print the checklist for {area.id}
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setPrinting('all')}
        >
          Print the checklist for all areas
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          disabled={state.kind === 'busy'}
          onClick={() => void download([area.id])}
        >
          Download the checklist for {area.id} (Word)
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          disabled={state.kind === 'busy'}
          onClick={() => void download([])}
        >
          Download the checklist for all areas (Word)
        </button>
      </div>
      <p role="status" className={state.kind === 'error' ? 'nhsuk-error-message' : 'nhsuk-body-s'}>
        {state.kind === 'busy' ? 'Preparing the download…' : state.kind === 'idle' ? '' : state.text}
      </p>
      {createPortal(<PrintableChecklist areas={printed} />, document.body)}
    </section>
  )
}

/**
 * What the browser prints from an area's page: only this (paper.css hides the board when printing
 * and this on screen). Boxes are drawn empty, whatever anyone has ticked.
 */
function PrintableChecklist({ areas }: { areas: readonly FrameworkArea[] }) {
  const { assessment, framework, connection } = useBoardContext()
  const groups = readGroups(connection.doc)
  const levelOf = (id: string) => framework.levels.find((l) => l.id === id)
  const lines = (n: number) =>
    // Blank lines to write on: all alike, so their position is their identity.
    Array.from({ length: n }, (_, i) => `line-${i}`).map((key) => (
      <div key={key} className="co-print-line" aria-hidden="true" />
    ))
  return (
    <div className="co-paper-print" data-testid="paper-print">
      <h1>
        Checklist and discussion guide:{' '}
        {areas.length === 1 ? `${areas[0]?.id} ${areas[0]?.title}` : 'all areas'}
      </h1>
      <p>{assessment.title}</p>
      <h2>How to fill this in</h2>
      <p>
        Tick the box beside each thing you believe happens now. Leave it empty if it does not, or if you are
        not sure. There are no right or wrong answers. Write your views after each area.
      </p>
      <h2>About you</h2>
      <p>Your name:</p>
      {lines(1)}
      <p>Your organisation (if you have one):</p>
      {lines(1)}
      <p>Which group do you speak for? Tick one.</p>
      <ul className="co-print-boxes">
        {groups.map((g) => (
          <li key={g.id}>{g.label}</li>
        ))}
      </ul>
      {areas.map((area) => (
        <section key={area.id} className="co-print-area">
          {areas.length > 1 ? (
            <h2>
              {area.id} {area.title}
            </h2>
          ) : null}
          <h3>What this area is about</h3>
          <p>{area.summary}</p>
          <p>
            <strong>Link to health inequalities: </strong>
            {area.healthInequalities}
          </p>
          {area.levels.map((level) => (
            <section key={level.level} className="co-print-level">
              <h3>{levelOf(level.level)?.label ?? level.level}</h3>
              {levelOf(level.level)?.description ? <p>{levelOf(level.level)?.description}</p> : null}
              <ul className="co-print-boxes">
                {level.items.map((item) => (
                  <li key={item.id}>
                    {item.text}
                    {item.plainEnglish ? (
                      <span className="co-print-plain">In plain English: {item.plainEnglish}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <h3>Questions to talk about</h3>
          <ul>
            {DISCUSSION_QUESTIONS.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
          <h3>Your views on {area.id}</h3>
          {lines(8)}
        </section>
      ))}
    </div>
  )
}
