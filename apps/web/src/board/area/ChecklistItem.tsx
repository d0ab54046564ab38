import { areaIsAnonymous, areaOfItem, type ItemTally } from '@co-assess/board-model'
import { WarningIcon } from '../../components/Icons.tsx'
import type { FrameworkItem } from '../../framework/frameworkTypes.ts'
import { TermText } from '../../framework/TermMarks.tsx'
import { plainEnglishTag } from '../../framework/whoseWords.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { RecordedInTally } from '../paper/RecordedInTally.tsx'
import { describeTally } from '../tallyText.ts'
import { plainMarkKey } from './areaMarkTexts.ts'

/**
 * One checklist item in the framework's own words, the project's plain-English reading when there is
 * one (said to be ours), the person's tick, and the room's count. An item's
 * `note` records doubt about the transcription for the framework's editors, so it is not shown here.
 */
export function ChecklistItem({
  item,
  tally,
  blind,
}: {
  item: FrameworkItem
  tally: ItemTally | undefined
  blind: boolean
}) {
  const { canWrite: mayTick, view, actions, framework, audience } = useBoardContext()
  const canWrite = mayTick && !audience
  const inputId = `tick-${item.id}`
  const tallyId = `tally-${item.id}`
  const plainId = `plain-${item.id}`
  // The project's reading sits outside the label, so the checkbox's name stays the framework's words;
  // it is part of the checkbox's description instead, read after the name.
  const plain = item.plainEnglish ? (
    <p className="co-plain" id={plainId} data-testid="plain-english">
      <span className="co-plain__tag">{plainEnglishTag(framework)}</span>{' '}
      <TermText markKey={plainMarkKey(item.id)} text={item.plainEnglish} />
    </p>
  ) : null
  const mine = view.myTicks.get(item.id)?.ticked ?? false
  // Once an anonymous round ends its counts are the record; a tick now would count nowhere.
  const areaId = areaOfItem(item.id)
  const closed = areaIsAnonymous(view.live, areaId) && view.live.rounds.get(areaId)?.mode !== 'anonymous'
  const text = describeTally(tally)
  const disagree = !blind && text.disagreement !== null
  const count = blind ? (
    <div className="co-tally co-tally--hidden" id={tallyId}>
      Counts hidden until the chair reveals them
    </div>
  ) : (
    <div className={`co-tally${disagree ? ' co-tally--disagree' : ''}`} id={tallyId} data-testid="tally">
      {/* An item nobody ticked shows no count (the checklist says once what that means); a screen reader still hears it. */}
      {text.summary ? (
        <span className="co-tally__summary">{text.summary}</span>
      ) : (
        <span className="nhsuk-u-visually-hidden">{text.spoken}</span>
      )}
      {text.groups.length > 0 ? (
        <span className="co-tally__groups">
          {text.groups.map((g) => (
            <span key={g.group} className="co-chip" data-group={g.group}>
              {g.label}: {g.text}
            </span>
          ))}
        </span>
      ) : null}
      {text.disagreement ? (
        <span className="co-disagree" data-testid="disagreement">
          <WarningIcon /> {text.disagreement}
        </span>
      ) : null}
      <RecordedInTally tally={tally} />
    </div>
  )
  if (!canWrite) {
    return (
      <li className={`co-item${disagree ? ' co-item--disagree' : ''}`} data-item-id={item.id}>
        <p className="co-item__text">{item.text}</p>
        {plain}
        {count}
      </li>
    )
  }
  return (
    <div
      className={`nhsuk-checkboxes__item co-item${disagree ? ' co-item--disagree' : ''}`}
      data-item-id={item.id}
    >
      <input
        className="nhsuk-checkboxes__input"
        id={inputId}
        type="checkbox"
        checked={mine}
        disabled={closed}
        aria-describedby={plain ? `${plainId} ${tallyId}` : tallyId}
        onChange={(e) => actions.tick(item.id, e.target.checked)}
      />
      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
        {item.text}
      </label>
      {plain}
      {count}
    </div>
  )
}
