import {
  type Action,
  type ActionStatus,
  agreementOf,
  describeHistoryEntry,
  groupLabel,
  hasAnonymousRecord,
  NEVER_AGREED,
  NOT_ASSESSED,
  NOT_YET,
  noteFragment,
  organisationShown,
  peopleTakingPart,
  plainDate,
  readActions,
  readAgreedLevels,
  readAnonymousTally,
  readGroups,
  readPeerSuggestions,
  readPeople,
  readRecordedParticipants,
  readSessions,
  recordedMark,
  roleLabels,
  suggestLevel,
  tallyArea,
  tallyFromAnonymous,
  ticksByArea,
} from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import type * as Y from 'yjs'
import type { Audience, Disclosure } from './audience.ts'
import { noteParagraphs } from './noteText.ts'
import { type Redaction, redactionFor } from './redaction.ts'
import { evidenceByArea, type ReportEvidence, type ReportPlan, reportPlan } from './reportEvidence.ts'
import type { ReportSession } from './sessionRecord.ts'
import type { ShownCount } from './smallNumbers.ts'
import { type VoiceBalanceSection, voiceBalanceSection } from './voiceBalanceSection.ts'

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
  ticked: ShownCount
  respondents: ShownCount
  byGroup: Array<{ group: string; label: string; ticked: ShownCount; respondents: ShownCount }>
  disagreement: boolean
  /** Who ticked it, for the chair only: names when asked for, else organisation and group. Empty for everyone else. */
  tickedBy: string[]
}

export interface ReportArea {
  id: string
  title: string
  summary: string
  phaseTitle: string
  respondents: ShownCount
  suggested: LevelRef & { explanation: string }
  agreed: (LevelRef & { rationale: string; dissent: string }) | null
  peer: Array<{ reviewer: string; level: LevelRef; reasoning: string }>
  notes: string[]
  /** Evidence records for this audience (reportEvidence.ts), and how many were kept back as not shareable. */
  evidence: ReportEvidence[]
  evidenceKeptBack: number
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
  /** What it aims to move and how the group will know; null when no plan was recorded. */
  plan: ReportPlan | null
}

export interface ReportParticipant {
  name: string | null
  organisation: string
  group: string
  /** The role, and for someone who took part on paper or by phone, who recorded their answers. */
  role: string
  /** "recorded by Sam Patel from paper" for someone whose answers a chair entered; null otherwise. */
  recorded: string | null
}

export interface ReportModel {
  assessment: ReportAssessment
  framework: { id: string; title: string; version: string; levels: Array<{ id: string; label: string }> }
  generatedAt: string
  /** Who this copy is for, and so what it may carry (redaction.ts decided, the renderers follow). */
  audience: Audience
  disclosure: Disclosure
  /** Counts below this read "fewer than …" (0 when counts are exact). */
  smallNumberThreshold: number
  namesShown: boolean
  phases: Array<{ id: string; title: string; areas: ReportArea[] }>
  actions: ReportAction[]
  /** Everyone on the board by name: only in the chair's copy with names. */
  participants: ReportParticipant[]
  /**
   * Counts by stakeholder group (and organisation where the audience may see organisations, else
   * null): who took part, one count per person however many devices, never observers or reviewers.
   */
  takingPart: Array<{ organisation: string | null; group: string; count: ShownCount }>
  /** Each group's share of ticks, comments and actions raised: only in the chair's copy (voiceBalanceSection.ts). */
  voiceBalance?: VoiceBalanceSection
  /**
   * Each session with who came and whether people felt heard: only in the chair's copy (the report
   * routes add it from the store, where the answers are kept); absent from every other audience's.
   */
  sessionRecord?: { threshold: number; sessions: ReportSession[] }
  /** Of those who took part, how many took part on paper or by phone (a chair entered their answers). */
  recordedCount: ShownCount
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

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

function agreedIn(action: Action, session: ReportAction['agreedInSession']): string {
  const agreement = agreementOf(action)
  switch (agreement.kind) {
    case 'not-yet':
      return 'Not agreed yet'
    case 'never':
      return NEVER_AGREED
    // A carried action was agreed on the earlier board; its history says in which of that board's sessions.
    case 'before':
      return agreement.words
    case 'outside':
      return 'Outside a session'
    case 'session':
      // Words for people; the CSV keeps the session's start as an ISO date in its own column.
      if (session) return `In session ${session.number}, started ${plainDate(session.startedAt)}`
      // Actions carried before the history existed still hold a session id from the earlier board.
      return action.carriedFrom
        ? 'In a session of the previous assessment'
        : 'In a session no longer recorded'
  }
}

/**
 * One assessment's report as plain data for one audience, read from its live document: every
 * renderer (HTML, Word, Markdown, CSV) works from this, so they agree, and every value about people
 * has passed the audience's redaction step (redaction.ts) before a renderer sees it.
 */
export function buildReportModel(
  doc: Y.Doc,
  framework: Framework,
  assessment: ReportAssessment,
  options: { audience?: Audience; names: boolean; threshold?: number; now?: Date; travels?: boolean },
): ReportModel {
  const people = readPeople(doc)
  const audience = options.audience ?? 'chair'
  const boardGroups = readGroups(doc)
  const redact: Redaction = redactionFor(audience, {
    people: people.values(),
    groups: boardGroups,
    names: options.names,
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(options.travels ? { travels: true } : {}),
  })
  const { disclosure } = redact
  const words = (text: string) => (disclosure.boardWords ? redact.text(text) : '')
  const ticks = ticksByArea(doc)
  // People who took part on paper or by phone are counted like anyone; their entries say who typed them in.
  const recorded = readRecordedParticipants(doc)
  const recordedBy = (personId: string): string | null => {
    const record = recorded.get(personId)
    if (!record) return null
    // The chair's name is a name: only a copy that shows names carries it.
    const chairName = disclosure.names ? people.get(record.enteredBy)?.name : undefined
    return recordedMark(record, chairName ?? 'a chair')
  }
  const markRecorded = (personId: string, shown: string) => {
    const mark = recordedBy(personId)
    return mark ? `${shown} (${mark})` : shown
  }
  const agreed = readAgreedLevels(doc)
  const peer = readPeerSuggestions(doc)
  const levelLabel = (id: string) => framework.levels.find((l) => l.id === id)?.label ?? id
  const areaTitles = new Map<string, string>()
  for (const phase of framework.phases) for (const area of phase.areas) areaTitles.set(area.id, area.title)
  const evidenceOf = evidenceByArea(doc, redact, people, levelLabel)
  const itemTexts = new Map(
    framework.phases.flatMap((p) =>
      p.areas.flatMap((a) => a.levels.flatMap((l) => l.items.map((i) => [i.id, i.text] as const))),
    ),
  )

  const phases = framework.phases.map((phase) => ({
    id: phase.id,
    title: phase.title,
    areas: phase.areas.map((area): ReportArea => {
      // An area that had an anonymous round reports its counts, never the ticks (the server never
      // put them on the board), so even the chair's named report cannot say who ticked.
      const groupOrder = boardGroups.map((g) => g.id)
      const tally = hasAnonymousRecord(doc, area.id)
        ? tallyFromAnonymous(area, readAnonymousTally(doc, area.id), groupOrder)
        : tallyArea(area, ticks.get(area.id), people, groupOrder)
      const suggestion = suggestLevel(area, tally, framework.levels)
      const recorded = agreed.get(area.id)
      const items: ReportItem[] = area.levels.flatMap((level) =>
        level.items.map((item) => {
          const t = tally.items.get(item.id)
          const groups = t?.byGroup ?? []
          const ticked = redact.totalAndParts(
            t?.ticked ?? 0,
            groups.map((g) => g.ticked),
          )
          const respondents = redact.totalAndParts(
            t?.respondents ?? 0,
            groups.map((g) => g.respondents),
          )
          return {
            id: item.id,
            text: item.text,
            level: level.level,
            levelLabel: levelLabel(level.level),
            ticked: ticked.total,
            respondents: respondents.total,
            byGroup: groups.map((g, i) => ({
              group: g.group,
              label: groupLabel(boardGroups, g.group),
              ticked: ticked.parts[i]!,
              respondents: respondents.parts[i]!,
            })),
            disagreement: t?.disagreement ?? false,
            tickedBy: disclosure.tickers
              ? (t?.tickedBy ?? []).map((id) => markRecorded(id, redact.person(people.get(id))))
              : [],
          }
        }),
      )
      const firstItem = tally.items.values().next().value
      const areaRespondents = redact.totalAndParts(
        tally.respondents,
        (firstItem?.byGroup ?? []).map((g) => g.respondents),
      ).total
      return {
        id: area.id,
        title: area.title,
        summary: area.summary,
        phaseTitle: phase.title,
        respondents: areaRespondents,
        suggested: {
          ...levelRef(framework, suggestion.level),
          label: suggestion.label,
          explanation: suggestion.explanation,
        },
        agreed: recorded
          ? {
              ...levelRef(framework, recorded.level),
              rationale: words(recorded.rationale),
              dissent: words(recorded.dissent),
            }
          : null,
        peer: [...(peer.get(area.id)?.entries() ?? [])]
          .sort(([, a], [, b]) => a.at - b.at)
          .map(([reviewerId, s]) => ({
            reviewer: redact.person(people.get(reviewerId)),
            level: levelRef(framework, s.level),
            reasoning: words(s.reasoning),
          })),
        notes: disclosure.boardWords ? noteParagraphs(noteFragment(doc, area.id)).map(redact.text) : [],
        evidence: evidenceOf(area.id).shown,
        evidenceKeptBack: evidenceOf(area.id).keptBack,
        items,
      }
    }),
  }))

  const sessions = readSessions(doc)
  const actions = readActions(doc).map((a: Action): ReportAction => {
    // A proposal dropped unagreed names no session, whatever session it was dropped in.
    const agreedSession = agreementOf(a).kind === 'session' ? a.agreedInSession : null
    const index = agreedSession ? sessions.findIndex((s) => s.id === agreedSession) : -1
    const session = index >= 0 ? { number: index + 1, startedAt: dateOf(sessions[index]!.startedAt) } : null
    return {
      id: a.id,
      youSaid: redact.text(a.youSaid),
      weDid: redact.text(a.weDid),
      whatChanged: redact.text(a.whatChanged),
      owner: redact.text(a.owner),
      dueDate: a.dueDate,
      status: a.status,
      statusLabel: actionStatusLabels[a.status],
      droppedReason: redact.text(a.droppedReason),
      raisedBy: a.raisedBy.map((g) => groupLabel(boardGroups, g)),
      areas: a.areaIds.map((id) => ({ id, title: areaTitles.get(id) ?? id })),
      agreedInSession: session,
      agreedIn: agreedIn(a, session),
      feedback: { toldAt: a.feedback.toldAt, how: redact.text(a.feedback.how) },
      carriedFrom: a.carriedFrom,
      history: (a.history ?? []).map((h) => redact.text(describeHistoryEntry(h))),
      plan: reportPlan(a, redact, levelLabel, (id) => itemTexts.get(id) ?? id),
    }
  })

  const byOrganisation = (a: { organisation: string }, b: { organisation: string }) =>
    a.organisation.localeCompare(b.organisation)
  const participants = disclosure.names
    ? [...people.values()]
        .sort((a, b) => byOrganisation(a, b) || a.joinedAt - b.joinedAt)
        .map((p) => ({
          name: p.name,
          organisation: organisationShown(p.organisation) ?? '',
          group: groupLabel(boardGroups, p.group),
          role: markRecorded(p.id, roleLabels[p.role]),
          recorded: recordedBy(p.id),
        }))
    : []
  const counts = new Map<string, { organisation: string | null; group: string; count: number }>()
  for (const p of peopleTakingPart(people).sort(byOrganisation)) {
    const organisation = disclosure.organisations ? p.organisation : null
    const group = groupLabel(boardGroups, p.group)
    const key = `${organisation}\u0000${group}`
    const entry = counts.get(key) ?? { organisation, group, count: 0 }
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
    audience,
    disclosure,
    smallNumberThreshold: disclosure.exactCounts ? 0 : redact.threshold,
    namesShown: disclosure.names,
    phases,
    actions,
    participants,
    takingPart: [...counts.values()].map((t) => ({ ...t, count: redact.count(t.count) })),
    ...(audience === 'chair'
      ? {
          voiceBalance: voiceBalanceSection(doc, people, boardGroups, {
            names: disclosure.names,
            ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
          }),
        }
      : {}),
    // Nobody on paper is said as none (it picks out nobody); otherwise the count follows the small-number rule.
    recordedCount: ((n) => (n === 0 ? 0 : redact.count(n)))(
      peopleTakingPart(people).filter((p) => recorded.has(p.id)).length,
    ),
  }
}
