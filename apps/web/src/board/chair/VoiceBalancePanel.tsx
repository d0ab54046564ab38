// biome-ignore-all lint/a11y/noRedundantRoles: NHS.UK's responsive table sets display: block on a narrow screen, which drops a table's roles in some browsers; its markup keeps them explicit for that
import {
  activeSession,
  areaIsAnonymous,
  areaIsBlind,
  progressOfRound,
  readGroups,
  tickingProgress,
  voiceBalance,
} from '@co-assess/board-model'
import { useId, useMemo } from 'react'
import { useConversation } from '../../conversation/useConversation.ts'
import type { FrameworkArea } from '../../framework/frameworkTypes.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { useBoardPresence } from '../liveState.tsx'
import './voiceBalance.css'
import { tickingText, voiceRows } from './voiceBalanceText.ts'

const COLUMNS = ['Group', 'People', 'Ticks', 'Comments', 'Actions raised'] as const

/**
 * For the chair only (it sits in the chair console, which the chair can hide on a projector): who
 * has ticked the area in view, and each group's share of the board's ticks, comments and actions.
 * Counts here are exact and names are shown: the chair runs the room and sees the people in it.
 */
export function VoiceBalancePanel({ area }: { area: FrameworkArea }) {
  const { view, connection } = useBoardContext()
  const presence = useBoardPresence()
  const id = useId()
  const conversation = useConversation(connection.doc)
  const round = view.live.rounds.get(area.id)
  const blind = areaIsBlind(view.live, area.id)
  const anonymous = areaIsAnonymous(view.live, area.id)
  const blindCount = progressOfRound(view.blindProgress.get(area.id), round)?.ticked ?? null
  const session = activeSession(view)
  // The room: whoever is here now, and whoever came to the session running (they may be back).
  const presentIds = presence.map((p) => p.personId).join('\u0000')
  const among = useMemo(
    () => [...new Set([...presentIds.split('\u0000').filter(Boolean), ...(session?.attendance ?? [])])],
    [presentIds, session],
  )
  const progress = tickingProgress(view.ticks.get(area.id), view.people, among)
  const text = tickingText({
    mode: blind ? 'blind' : anonymous ? 'anonymous' : 'open',
    ticked: blind
      ? blindCount
      : anonymous
        ? (view.live.anonymousCounts.get(area.id)?.respondents ?? 0)
        : progress.ticked,
    expected: progress.expected,
    notYet: progress.notYet,
  })
  const rows = useMemo(
    () =>
      voiceRows(
        voiceBalance({
          people: view.people,
          ticks: view.ticks.values(),
          comments: conversation.threads.flatMap((t) => t.comments),
          moderation: conversation.moderation,
          actions: conversation.actions,
          anonymousCounts: view.live.anonymousCounts.values(),
          groupOrder: readGroups(connection.doc).map((g) => g.id),
        }),
      ),
    [
      view.people,
      view.ticks,
      view.live.anonymousCounts,
      conversation.threads,
      conversation.moderation,
      conversation.actions,
      connection.doc,
    ],
  )
  return (
    <section
      className="co-console__group co-voice"
      aria-labelledby={`${id}-title`}
      data-testid="voice-balance"
    >
      <h3 className="nhsuk-heading-s" id={`${id}-title`}>
        Voice balance
      </h3>
      <h4 className="nhsuk-heading-xs">Who has ticked {area.id}</h4>
      <p aria-live="polite" data-testid="ticking-count">
        {text.count}
      </p>
      {text.names ? <p data-testid="not-ticked-yet">{text.names}</p> : null}
      {/* NHS.UK's responsive table: on a narrow screen each group becomes a block with its headings beside the values. */}
      <table role="table" className="nhsuk-table-responsive co-voice__table" data-testid="voice-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">
          Each group’s share of the whole board so far
        </caption>
        <thead role="rowgroup" className="nhsuk-table__head">
          <tr role="row" className="nhsuk-table__row">
            {COLUMNS.map((heading) => (
              <th role="columnheader" scope="col" className="nhsuk-table__header" key={heading}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.length === 0 ? (
            <tr role="row" className="nhsuk-table__row">
              <td role="cell" className="nhsuk-table__cell" colSpan={COLUMNS.length}>
                Nobody taking part has joined yet.
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr role="row" className="nhsuk-table__row" key={row.group} data-group={row.group}>
                {[row.label, row.people, row.ticks, row.comments, row.actions].map((value, i) => (
                  <td role="cell" className="nhsuk-table__cell" key={COLUMNS[i]}>
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      {COLUMNS[i]}{' '}
                    </span>
                    {i === 0 ? <strong>{value}</strong> : value}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p className="nhsuk-hint">
        A group’s share of ticks, comments and actions beside its share of the people shows whose voice is
        being heard. Each person counts once, in their group; observers, peer reviewers and a chair with no
        group are not counted. Ticks in a blind round count here once you reveal them.
      </p>
    </section>
  )
}
