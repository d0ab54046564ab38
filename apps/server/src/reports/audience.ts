import type { Role } from '@co-assess/board-model'

/**
 * Who an output is for. Every output that leaves the live board declares one, and its content
 * passes the one redaction step for that audience (redaction.ts), never a rule of its own.
 */
export type Audience = 'chair' | 'participants' | 'observers-and-reviewers' | 'public'

/** What an audience may be shown of the people on the board and their words. */
export interface Disclosure {
  /** People's names, in lists and left in free text as typed. Only the chair, and only on asking. */
  names: boolean
  /** Organisations of the people who took part (who took part, peer reviewers' labels). */
  organisations: boolean
  /** Who ticked each item (as organisation and group, or by name when names are shown). */
  tickers: boolean
  /** Counts of people shown exactly, however small. */
  exactCounts: boolean
  /** The board's own words beyond the actions: evidence notes, rationale, dissent, peer reasoning. */
  boardWords: boolean
  /**
   * Evidence its adder marked as not to be shared beyond the board. Only the chair's copy (the
   * record, kept by the person who ran the room) carries it; every other output says only how many
   * pieces were kept back, because a downloaded file travels further than the board does.
   */
  unsharedEvidence: boolean
}

const WITHOUT_NAMES: Record<Audience, Disclosure> = {
  // The chair ran the room and already knows who said what; their report is the record, so counts stay exact.
  chair: {
    names: false,
    organisations: true,
    tickers: true,
    exactCounts: true,
    boardWords: true,
    unsharedEvidence: true,
  },
  // Participants were in the room together, so organisations are no news; who ticked what is each person's own.
  participants: {
    names: false,
    organisations: true,
    tickers: false,
    exactCounts: false,
    boardWords: true,
    unsharedEvidence: false,
  },
  // Observers and peer reviewers (from another ICS) read the assessment, not the people in it.
  'observers-and-reviewers': {
    names: false,
    organisations: false,
    tickers: false,
    exactCounts: false,
    boardWords: true,
    unsharedEvidence: false,
  },
  // The public page carries only the published actions' words, with names turned into groups.
  public: {
    names: false,
    organisations: false,
    tickers: false,
    exactCounts: false,
    boardWords: false,
    unsharedEvidence: false,
  },
}

/** What an audience may see; names only for the chair, and only when the chair asked for them. */
export function disclosureFor(audience: Audience, names = false): Disclosure {
  if (names && audience !== 'chair') throw new Error(`names are never shown to ${audience}`)
  return names ? { ...WITHOUT_NAMES.chair, names: true } : WITHOUT_NAMES[audience]
}

/** The audience a signed-in reader's outputs are made for. */
export function audienceOf(role: Role): Exclude<Audience, 'public'> {
  switch (role) {
    case 'chair':
      return 'chair'
    case 'participant':
      return 'participants'
    case 'observer':
    case 'peer-reviewer':
      return 'observers-and-reviewers'
  }
}
