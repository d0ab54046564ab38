import { isDeepStrictEqual } from 'node:util'
import { containsYState, sameYState } from './compareYState.ts'
import type { Storage } from './storagePort.ts'

export interface RecordCounts {
  copied: number
  alreadyThere: number
  /** Ids (or setting keys) present in the target with different content: the target's were kept. */
  differing: string[]
}

export interface DocumentCounts {
  copied: number
  alreadyThere: number
  /** Documents the target already had with other edits too: the two were merged (Yjs loses neither). */
  merged: number
}

export interface CopyReport {
  organisations: RecordCounts
  staff: RecordCounts
  assessments: RecordCounts
  invites: RecordCounts
  participants: RecordCounts
  settings: RecordCounts
  documents: DocumentCounts
}

const counts = (): RecordCounts => ({ copied: 0, alreadyThere: 0, differing: [] })

/**
 * Copies everything from one store into another, skipping what is already there, so running it again
 * after an interruption is safe. A record the target holds in another version is left alone and
 * reported: after a switch-over the target's copy is the newer one.
 */
export async function copyStorage(source: Storage, target: Storage): Promise<CopyReport> {
  const report: CopyReport = {
    organisations: counts(),
    staff: counts(),
    assessments: counts(),
    invites: counts(),
    participants: counts(),
    settings: counts(),
    documents: { copied: 0, alreadyThere: 0, merged: 0 },
  }
  const tally = async <T>(
    into: RecordCounts,
    id: string,
    record: T,
    existing: T | undefined,
    create: () => Promise<void>,
  ) => {
    if (existing === undefined) {
      await create()
      into.copied++
    } else if (isDeepStrictEqual(existing, record)) into.alreadyThere++
    else into.differing.push(id)
  }

  // Parents before children: the target checks that an invite's assessment exists, and so on.
  // Staff links are not copied: they are one-use and short-lived, and an administrator makes new ones.
  for (const o of await source.metadata.listOrganisations()) {
    await tally(report.organisations, o.id, o, await target.metadata.getOrganisation(o.id), () =>
      target.metadata.createOrganisation(o),
    )
    for (const s of await source.metadata.listStaff(o.id)) {
      await tally(report.staff, s.id, s, await target.metadata.getStaff(s.id), () =>
        target.metadata.createStaff(s),
      )
    }
  }
  for (const a of await source.metadata.listAssessments()) {
    await tally(report.assessments, a.id, a, await target.metadata.getAssessment(a.id), () =>
      target.metadata.createAssessment(a),
    )
  }
  for (const a of await source.metadata.listAssessments()) {
    for (const i of await source.metadata.listInvites(a.id)) {
      await tally(report.invites, i.id, i, await target.metadata.getInvite(i.id), () =>
        target.metadata.createInvite(i),
      )
    }
    for (const p of await source.metadata.listParticipants(a.id)) {
      await tally(report.participants, p.id, p, await target.metadata.getParticipant(p.id), () =>
        target.metadata.addParticipant(p),
      )
    }
  }
  for (const [key, value] of Object.entries(await source.metadata.listSettings())) {
    await tally(report.settings, key, value, await target.metadata.getSetting(key), () =>
      target.metadata.setSetting(key, value),
    )
  }

  for (const name of await source.documents.listDocuments()) {
    const state = await source.documents.loadDocument(name)
    if (!state) continue
    const existing = await target.documents.loadDocument(name)
    if (existing && containsYState(existing, state)) {
      report.documents.alreadyThere++
      continue
    }
    // compact merges with whatever the target holds, so nothing there is overwritten.
    await target.documents.compact(name, state)
    const stored = await target.documents.loadDocument(name)
    const verified = stored !== null && (existing ? containsYState(stored, state) : sameYState(stored, state))
    if (!verified) {
      throw new Error(
        `Document ${name} did not read back from the target as it was written; stopping the copy.`,
      )
    }
    if (existing) report.documents.merged++
    else report.documents.copied++
  }
  return report
}
