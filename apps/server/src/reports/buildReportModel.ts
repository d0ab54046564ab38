import {
  type Action,
  type ActionStatus,
  agreedBefore,
  describeHistoryEntry,
  NOT_ASSESSED,
  NOT_YET,
  noteFragment,
  type Person,
  readActions,
  readAgreedLevels,
  readPeerSuggestions,
  readPeople,
  readSessions,
  roleLabels,
  stakeholderGroupLabels,
  suggestLevel,
  tallyArea,
  ticksByArea,
} from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import type * as Y from 'yjs'
import { noteParagraphs } from './noteText.ts'

export interface ReportAssessment {
  id: string
  title: string
  workstream: string
  scope: string
  createdAt: string
}

export interface LevelRef {
  /** A framework level id, `not-yet`, `not-assessed`, or null when nothing is recorded. */
  id: string | null
  label: string
  /** 0 for "not yet", 1 for the framework's first level and so on; null when not assessed or unknown. */
  rank: number | null
}

export interface ReportItem {
  id: string
  text: string
  level: string
  levelLabel: string
  ticked: number
  respondents: number
  byGroup: Array<{ group: string; label: string; ticked: number; respondents: number }>
  disagreement: boolean
  /** Who ticked it: names only when the reader asked for them and may see them, else organisation and group. */
  tickedBy: string[]
}

export interface ReportArea {
  id: string
  title: string
  summary: string
  phaseTitle: string
  respondents: number
  suggested: LevelRef & { explanation: string }
  agreed: (LevelRef & { rationale: string; dissent: string }) | null
  peer: Array<{ reviewer: string; level: LevelRef; reasoning: string }>
  notes: string[]
  items: ReportItem[]
}

export interface ReportAction {
  id: string
  youSaid: string
  weDid: string
  whatChanged: string
  owner: string
  dueDate: string | null
  status: ActionStatus
  statusLabel: string
  droppedReason: string
  raisedBy: string[]
  areas: Array<{ id: string; title: string }>
  /** The session it was agreed in, numbered as the board numbers them; null when not agreed in one of this board's sessions. */
  agreedInSession: { number: number; startedAt: string } | null
  /** When it was agreed, in words, so every export says the same. */
  agreedIn: string
  /** Closing the loop: when and how the people who raised it were told what happened. */
  feedback: { toldAt: string | null; how: string }
  carriedFrom: string | null
  /** Where a carried action stood in each earlier assessment, oldest first, one sentence each. */
  history: string[]
}

export interface ReportParticipant {
  name: string | null
  organisation: string
  group: string
  role: string
}

export interface ReportModel {
  assessment: ReportAssessment
  framework: { id: string; title: string; version: string; levels: Array<{ id: string; label: string }> }
  generatedAt: string
  namesShown: boolean
  phases: Array<{ id: string; title: string; areas: ReportArea[] }>
  actions: ReportAction[]
  participants: ReportParticipant[]
  /** Counts by organisation and stakeholder group: who took part, without naming anyone. */
  takingPart: Array<{ organisation: string; group: string; count: number }>
}

export const actionStatusLabels: Record<ActionStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
}

/** How a recorded level reads, and where it sits on the framework's ladder. */
export function levelRef(framework: Pick<Framework, 'levels'>, id: string | null | undefined): LevelRef {
  if (id === null || id === undefined) return { id: null, label: 'Not recorded', rank: null }
  if (id === NOT_ASSESSED) return { id, label: 'Not assessed', rank: null }
  if (id === NOT_YET)
    return { id, label: `Not yet at ${framework.levels[0]?.label ?? 'the first level'}`, rank: 0 }
  const index = framework.levels.findIndex((l) => l.id === id)
  if (index === -1) return { id, label: id, rank: null }
  return { id, label: framework.levels[index]!.label, rank: index + 1 }
}

function describePerson(person: Person | undefined, names: boolean): string {
  if (!person) return 'Someone who has left'
  const group = stakeholderGroupLabels[person.group]
  const org = person.organisation || group
  return names ? `${person.name} (${org})` : `${org} (${group})`
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

function agreedIn(action: Action, session: ReportAction['agreedInSession']): string {
  if (action.status === 'proposed') return 'Not agreed yet'
  if (session) return `In session ${session.number}, started ${session.startedAt}`
  // A carried action was agreed on the earlier board; its history says in which of that board's sessions.
  if (action.agreedInSession === null) return agreedBefore(action) ?? 'Outside a session'
  // Actions carried before the history existed still hold a session id from the earlier board.
  return action.carriedFrom ? 'In a session of the previous assessment' : 'In a session no longer recorded'
}

/**
 * One assessment's report as plain data, read from its live document: every renderer (HTML, Word,
 * Markdown, CSV) works from this, so they agree, and names appear only when `names` is set.
 */
export function buildReportModel(
  doc: Y.Doc,
  framework: Framework,
  assessment: ReportAssessment,
  options: { names: boolean; now?: Date },
): ReportModel {
  const people = readPeople(doc)
  const ticks = ticksByArea(doc)
  const agreed = readAgreedLevels(doc)
  const peer = readPeerSuggestions(doc)
  const levelLabel = (id: string) => framework.levels.find((l) => l.id === id)?.label ?? id
  const areaTitles = new Map<string, string>()
  for (const phase of framework.phases) for (const area of phase.areas) areaTitles.set(area.id, area.title)

  const phases = framework.phases.map((phase) => ({
    id: phase.id,
    title: phase.title,
    areas: phase.areas.map((area): ReportArea => {
      const tally = tallyArea(area, ticks.get(area.id), people)
      const suggestion = suggestLevel(area, tally, framework.levels)
      const recorded = agreed.get(area.id)
      const items: ReportItem[] = area.levels.flatMap((level) =>
        level.items.map((item) => {
          const t = tally.items.get(item.id)
          return {
            id: item.id,
            text: item.text,
            level: level.level,
            levelLabel: levelLabel(level.level),
            ticked: t?.ticked ?? 0,
            respondents: t?.respondents ?? 0,
            byGroup: (t?.byGroup ?? []).map((g) => ({
              group: g.group,
              label: stakeholderGroupLabels[g.group],
              ticked: g.ticked,
              respondents: g.respondents,
            })),
            disagreement: t?.disagreement ?? false,
            tickedBy: (t?.tickedBy ?? []).map((id) => describePerson(people.get(id), options.names)),
          }
        }),
      )
      return {
        id: area.id,
        title: area.title,
        summary: area.summary,
        phaseTitle: phase.title,
        respondents: tally.respondents,
        suggested: {
          ...levelRef(framework, suggestion.level),
          label: suggestion.label,
          explanation: suggestion.explanation,
        },
        agreed: recorded
          ? {
              ...levelRef(framework, recorded.level),
              rationale: recorded.rationale,
              dissent: recorded.dissent,
            }
          : null,
        peer: [...(peer.get(area.id)?.entries() ?? [])]
          .sort(([, a], [, b]) => a.at - b.at)
          .map(([reviewerId, s]) => ({
            reviewer: describePerson(people.get(reviewerId), options.names),
            level: levelRef(framework, s.level),
            reasoning: s.reasoning,
          })),
        notes: noteParagraphs(noteFragment(doc, area.id)),
        items,
      }
    }),
  }))

  const sessions = readSessions(doc)
  const actions = readActions(doc).map((a: Action): ReportAction => {
    const index = a.agreedInSession ? sessions.findIndex((s) => s.id === a.agreedInSession) : -1
    const session = index >= 0 ? { number: index + 1, startedAt: dateOf(sessions[index]!.startedAt) } : null
    return {
      id: a.id,
      youSaid: a.youSaid,
      weDid: a.weDid,
      whatChanged: a.whatChanged,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      statusLabel: actionStatusLabels[a.status],
      droppedReason: a.droppedReason,
      raisedBy: a.raisedBy.map((g) => stakeholderGroupLabels[g]),
      areas: a.areaIds.map((id) => ({ id, title: areaTitles.get(id) ?? id })),
      agreedInSession: session,
      agreedIn: agreedIn(a, session),
      feedback: { toldAt: a.feedback.toldAt, how: a.feedback.how },
      carriedFrom: a.carriedFrom,
      history: (a.history ?? []).map(describeHistoryEntry),
    }
  })

  const everyone = [...people.values()].sort(
    (a, b) => a.organisation.localeCompare(b.organisation) || a.joinedAt - b.joinedAt,
  )
  const participants = everyone.map((p) => ({
    name: options.names ? p.name : null,
    organisation: p.organisation,
    group: stakeholderGroupLabels[p.group],
    role: roleLabels[p.role],
  }))
  const counts = new Map<string, { organisation: string; group: string; count: number }>()
  for (const p of participants) {
    const key = `${p.organisation}\u0000${p.group}`
    const entry = counts.get(key) ?? { organisation: p.organisation, group: p.group, count: 0 }
    entry.count += 1
    counts.set(key, entry)
  }

  return {
    assessment,
    framework: {
      id: framework.id,
      title: framework.title,
      version: framework.version,
      levels: framework.levels.map((l) => ({ id: l.id, label: l.label })),
    },
    generatedAt: (options.now ?? new Date()).toISOString(),
    namesShown: options.names,
    phases,
    actions,
    participants,
    takingPart: [...counts.values()],
  }
}
