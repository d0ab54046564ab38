import {
  acceptEvidence,
  clearEvidenceMark,
  type Evidence,
  type EvidenceMark,
  editEvidence,
  evidenceKindLabels,
  markEvidence,
  plainDate,
  removeEvidence,
  setEvidenceStatus,
} from '@co-assess/board-model'
import { memo, useId, useState } from 'react'
import { useAnnounce } from '../board/Announcer.tsx'
import { useBoardContext } from '../board/BoardContext.tsx'
import { levelLabel } from '../board/levelLabels.ts'
import { safeHref } from '../conversation/safeHref.ts'
import type { FrameworkArea } from '../framework/frameworkTypes.ts'
import { EvidenceForm } from './EvidenceForm.tsx'
import { formValuesOf } from './evidenceDraft.ts'

/** One piece of evidence: what it is, where it stands, and the controls the reader's role allows. */
export const EvidenceCard = memo(function EvidenceCard({
  evidence,
  area,
  marks,
}: {
  evidence: Evidence
  area: FrameworkArea
  marks: ReadonlyMap<string, EvidenceMark> | undefined
}) {
  const { framework, view, person, canWrite, isChair, connection } = useBoardContext()
  const announce = useAnnounce()
  const [editing, setEditing] = useState(false)
  const id = useId()
  const doc = connection.doc
  const say = (text: string) => announce([{ kind: 'message', text }])
  const href = evidence.link ? safeHref(evidence.link) : null
  const agreed = view.agreed.get(area.id)
  const itemTexts = new Map(area.levels.flatMap((l) => l.items.map((i) => [i.id, i.text] as const)))
  const own = evidence.addedBy === person.id
  // Carried evidence was added on the earlier board, by someone who may not be on this one.
  const mayChange = canWrite && ((own && !evidence.carriedFrom) || (isChair && evidence.carriedFrom !== null))
  const mayTakeBack = own && !evidence.acceptedFor && !evidence.carriedFrom
  const reviewOpen = person.role === 'peer-reviewer' && view.live.reviewClosedAt === null
  const addedBy = evidence.carriedFrom
    ? 'Someone in the previous assessment'
    : (view.people.get(evidence.addedBy)?.name ?? 'Someone who has left')
  const facts: Array<[string, string]> = [
    ['Kind', evidenceKindLabels[evidence.kind]],
    ['Date', evidence.date ? plainDate(evidence.date) : 'Not given'],
    [
      'Checklist items',
      evidence.itemIds.map((i) => itemTexts.get(i) ?? i).join('; ') || 'The area as a whole',
    ],
    ['Added by', addedBy],
    ...(evidence.carriedFrom
      ? [
          [
            'From',
            `"${evidence.carriedFrom.title}" (started ${plainDate(evidence.carriedFrom.startedAt)})${evidence.carriedFrom.acceptedLevel ? `, accepted there for ${levelLabel(evidence.carriedFrom.acceptedLevel, framework.levels)}` : ''}`,
          ] as [string, string],
        ]
      : []),
  ]
  const titleId = `${id}-title`
  return (
    <li
      className={`nhsuk-card co-evidence${evidence.status === 'retired' ? ' co-evidence--retired' : ''}`}
      data-testid="evidence"
      data-evidence-id={evidence.id}
      aria-labelledby={titleId}
    >
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={titleId}>
          {href ? (
            <a href={href} rel="noopener noreferrer">
              {evidence.title}
            </a>
          ) : (
            evidence.title
          )}
        </h3>
        <p data-testid="evidence-tags">
          {evidence.status === 'to-confirm' ? (
            <strong className="nhsuk-tag nhsuk-tag--yellow">
              From the previous assessment: to confirm or retire
            </strong>
          ) : null}
          {evidence.status === 'retired' ? (
            <strong className="nhsuk-tag nhsuk-tag--grey">Retired</strong>
          ) : null}{' '}
          {evidence.acceptedFor ? (
            <strong className="nhsuk-tag nhsuk-tag--green" data-testid="evidence-accepted">
              Accepted for {levelLabel(evidence.acceptedFor.level, framework.levels)}
            </strong>
          ) : null}{' '}
          {evidence.shareable ? null : (
            <strong className="nhsuk-tag nhsuk-tag--white">Kept on the board, not shared beyond it</strong>
          )}
        </p>
        {evidence.description ? <p>{evidence.description}</p> : null}
        <dl className="nhsuk-summary-list co-evidence__facts">
          {facts.map(([key, value]) => (
            <div className="nhsuk-summary-list__row" key={key}>
              <dt className="nhsuk-summary-list__key">{key}</dt>
              <dd className="nhsuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        {marks?.size ? (
          <div data-testid="evidence-marks">
            <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">Peer reviewers</h4>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {[...marks].map(([reviewerId, mark]) => (
                <li key={reviewerId}>
                  {view.people.get(reviewerId)?.name ?? 'A peer reviewer'}{' '}
                  {mark.wantToSee ? 'would want to see this' : 'has looked at this'}
                  {mark.comment ? `: ${mark.comment}` : ''}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {isChair ? (
          <div className="nhsuk-button-group" data-testid="evidence-chair">
            {evidence.status !== 'retired' && agreed && evidence.acceptedFor?.level !== agreed.level ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => {
                  acceptEvidence(doc, person.id, evidence.id, agreed.level)
                  say(`Accepted "${evidence.title}" for ${levelLabel(agreed.level, framework.levels)}.`)
                }}
              >
                Accept for {levelLabel(agreed.level, framework.levels)}
                <span className="nhsuk-u-visually-hidden">: {evidence.title}</span>
              </button>
            ) : null}
            {evidence.acceptedFor ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => {
                  acceptEvidence(doc, person.id, evidence.id, null)
                  say(`Took off the acceptance of "${evidence.title}".`)
                }}
              >
                Take off acceptance<span className="nhsuk-u-visually-hidden">: {evidence.title}</span>
              </button>
            ) : null}
            {evidence.status === 'to-confirm' ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => {
                  setEvidenceStatus(doc, person.id, evidence.id, 'current')
                  say(`Confirmed "${evidence.title}" still holds.`)
                }}
              >
                Confirm it still holds<span className="nhsuk-u-visually-hidden">: {evidence.title}</span>
              </button>
            ) : null}
            {evidence.status === 'retired' ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => {
                  setEvidenceStatus(doc, person.id, evidence.id, 'current')
                  say(`Brought back "${evidence.title}".`)
                }}
              >
                Bring back<span className="nhsuk-u-visually-hidden">: {evidence.title}</span>
              </button>
            ) : (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => {
                  setEvidenceStatus(doc, person.id, evidence.id, 'retired')
                  say(`Retired "${evidence.title}".`)
                }}
              >
                Retire<span className="nhsuk-u-visually-hidden">: {evidence.title}</span>
              </button>
            )}
          </div>
        ) : null}
        {!agreed && isChair && evidence.status !== 'retired' ? (
          <p className="nhsuk-body-s">
            Record the agreed level for {area.id} first, then accept the evidence it rests on.
          </p>
        ) : null}
        {mayChange || mayTakeBack ? (
          <div className="nhsuk-button-group">
            {mayChange ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                aria-expanded={editing}
                onClick={() => setEditing(!editing)}
              >
                {editing ? 'Stop editing' : 'Change'}
                <span className="nhsuk-u-visually-hidden">: {evidence.title}</span>
                {editing ? ' (changes not saved)' : ''}
              </button>
            ) : null}
            {mayTakeBack ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--warning nhsuk-button--small nhsuk-u-margin-bottom-0"
                onClick={() => {
                  removeEvidence(doc, person.id, evidence.id)
                  say(`Removed "${evidence.title}".`)
                }}
              >
                Remove<span className="nhsuk-u-visually-hidden">: {evidence.title}</span>
              </button>
            ) : null}
          </div>
        ) : null}
        {editing && mayChange ? (
          <EvidenceForm
            area={area}
            initial={formValuesOf(evidence)}
            submitLabel="Save changes"
            onCancel={() => setEditing(false)}
            onSave={(draft) => {
              editEvidence(doc, person.id, evidence.id, draft)
              setEditing(false)
              say(`Saved "${draft.title}".`)
            }}
          />
        ) : null}
        {reviewOpen ? <MarkForm evidence={evidence} mark={marks?.get(person.id)} /> : null}
      </div>
    </li>
  )
})

/** A peer reviewer's mark: would they want to see this evidence, and a comment. */
function MarkForm({ evidence, mark }: { evidence: Evidence; mark: EvidenceMark | undefined }) {
  const { person, connection } = useBoardContext()
  const announce = useAnnounce()
  const id = useId()
  const [wantToSee, setWantToSee] = useState(mark?.wantToSee ?? false)
  const [comment, setComment] = useState(mark?.comment ?? '')
  return (
    <form
      className="co-evidence-mark"
      noValidate
      data-testid="evidence-mark"
      onSubmit={(e) => {
        e.preventDefault()
        markEvidence(connection.doc, person.id, evidence.id, {
          wantToSee,
          comment: comment.trim().slice(0, 2000),
        })
        announce([{ kind: 'message', text: `Saved your mark on "${evidence.title}".` }])
      }}
    >
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={`${id}-want`}
              type="checkbox"
              checked={wantToSee}
              onChange={(e) => setWantToSee(e.target.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-want`}>
              I would want to see this<span className="nhsuk-u-visually-hidden">: {evidence.title}</span>
            </label>
          </div>
        </div>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-comment`}>
          Your comment on this evidence (optional)
        </label>
        <textarea
          className="nhsuk-textarea"
          id={`${id}-comment`}
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <div className="nhsuk-button-group">
        <button
          type="submit"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
        >
          Save your mark
        </button>
        {mark ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
            onClick={() => {
              clearEvidenceMark(connection.doc, person.id, evidence.id)
              setWantToSee(false)
              setComment('')
            }}
          >
            Clear your mark
          </button>
        ) : null}
      </div>
    </form>
  )
}
