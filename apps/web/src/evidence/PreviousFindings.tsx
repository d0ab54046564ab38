import type { PreviousArea } from '@co-assess/board-model'
import { plainDate } from '@co-assess/board-model'
import { useBoardContext } from '../board/BoardContext.tsx'
import { levelLabel } from '../board/levelLabels.ts'
import { statusLabels } from '../conversation/conversationView.ts'
import { movementText } from './levelMovement.ts'

/**
 * What the previous assessment of this workstream found for the area: its agreed level and why, what
 * was planned for it and how far each plan got, and whether the level has moved since.
 */
export function PreviousFindings({ areaId, previous }: { areaId: string; previous: PreviousArea }) {
  const { framework, view } = useBoardContext()
  const now = view.agreed.get(areaId)?.level
  const levels = framework.levels
  return (
    <div className="nhsuk-inset-text co-previous" data-testid="previous-findings">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h3 className="nhsuk-heading-s">
        Last time: "{previous.title}", started {plainDate(previous.startedAt)}
      </h3>
      <p>
        Agreed level then:{' '}
        <strong>{previous.level ? levelLabel(previous.level, levels) : 'Not recorded'}</strong>. Now:{' '}
        <strong>{now ? levelLabel(now, levels) : 'not agreed yet'}</strong>.{' '}
        <span data-testid="level-movement">{movementText(previous.level, now, levels)}</span>
      </p>
      {previous.rationale ? (
        <p>
          <strong>Why, then:</strong> {previous.rationale}
        </p>
      ) : null}
      {previous.actions.length ? (
        <>
          <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">What was planned for this area</h4>
          <ul className="nhsuk-list nhsuk-list--bullet" data-testid="previous-actions">
            {previous.actions.map((a) => (
              <li key={a.actionId}>
                {a.youSaid || a.weDid || 'An action'}: <strong>{statusLabels[a.status].toLowerCase()}</strong>
                {a.targetLevel ? `; aimed at ${levelLabel(a.targetLevel, levels)}` : ''}
                {a.measure ? `; measure: ${a.measure}` : ''}
                {a.baseline ? ` (baseline ${a.baseline})` : ''}
                {a.reviewDate ? `; review ${plainDate(a.reviewDate)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No actions were planned for this area last time.</p>
      )}
    </div>
  )
}
