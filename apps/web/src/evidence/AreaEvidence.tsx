import { addEvidence } from '@co-assess/board-model'
import { useId, useState } from 'react'
import { useAnnounce } from '../board/Announcer.tsx'
import { useBoardContext } from '../board/BoardContext.tsx'
import type { FrameworkArea } from '../framework/frameworkTypes.ts'
import { EvidenceCard } from './EvidenceCard.tsx'
import { EvidenceForm } from './EvidenceForm.tsx'
import { emptyEvidenceForm } from './evidenceDraft.ts'
import { PreviousFindings } from './PreviousFindings.tsx'
import { useEvidence } from './useEvidence.ts'

/**
 * An area's evidence as records: what the previous assessment found, the evidence the group can point
 * to (carried evidence waiting to be confirmed or retired among it), and a form to add more.
 */
export function AreaEvidence({ area }: { area: FrameworkArea }) {
  const { connection, person, canWrite } = useBoardContext()
  const announce = useAnnounce()
  const id = useId()
  const { evidence, marks, previous } = useEvidence(connection.doc)
  const [adding, setAdding] = useState(false)
  // A new key after each save gives the next piece of evidence an empty form.
  const [formKey, setFormKey] = useState(0)
  const mine = evidence.filter((e) => e.areaId === area.id)
  const open = mine.filter((e) => e.status !== 'retired')
  const retired = mine.filter((e) => e.status === 'retired')
  const waiting = open.filter((e) => e.status === 'to-confirm').length
  const found = previous.get(area.id)
  const cards = (list: typeof mine) => (
    <ul className="nhsuk-list co-evidence-list">
      {list.map((e) => (
        <EvidenceCard key={e.id} evidence={e} area={area} marks={marks.get(e.id)} />
      ))}
    </ul>
  )
  return (
    <section className="co-area-evidence" aria-labelledby={`${id}-title`} data-testid="area-evidence">
      <h2 id={`${id}-title`}>Evidence</h2>
      <p>
        Reports, minutes, structures and roles, testimony from people and communities, and data that show
        where {area.id} stands. The evidence notes below stay for anything else the group wants to write down.
      </p>
      {found ? <PreviousFindings areaId={area.id} previous={found} /> : null}
      <p className="nhsuk-body-s" data-testid="evidence-count">
        {open.length === 0
          ? 'No evidence recorded for this area yet.'
          : `${open.length === 1 ? '1 piece' : `${open.length} pieces`} of evidence${waiting ? `, ${waiting} from the previous assessment to confirm or retire` : ''}.`}
      </p>
      {open.length ? cards(open) : null}
      {retired.length ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Retired evidence ({retired.length})</span>
          </summary>
          <div className="nhsuk-details__text">{cards(retired)}</div>
        </details>
      ) : null}
      {canWrite ? (
        <>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            aria-expanded={adding}
            aria-controls={`${id}-add`}
            onClick={() => setAdding(!adding)}
          >
            {adding ? 'Stop adding evidence (not saved)' : `Add evidence for ${area.id}`}
          </button>
          <div id={`${id}-add`} hidden={!adding}>
            {adding ? (
              <EvidenceForm
                key={formKey}
                area={area}
                initial={emptyEvidenceForm}
                submitLabel="Add evidence"
                onCancel={() => setAdding(false)}
                onSave={(draft) => {
                  addEvidence(connection.doc, person.id, draft)
                  setFormKey(formKey + 1)
                  setAdding(false)
                  announce([
                    { kind: 'message', text: `Added "${draft.title}" to the evidence for ${area.id}.` },
                  ])
                }}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  )
}
