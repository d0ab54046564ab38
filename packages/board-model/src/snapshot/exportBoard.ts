import type * as Y from 'yjs'
import { readLive } from '../records/live.ts'
import { isBlind } from '../records/round.ts'
import { areaOfNoteRoot, ROOTS } from '../roots.ts'
import { noteJson } from './noteJson.ts'
import type { NoteNode } from './noteNodes.ts'
import {
  type BoardSnapshot,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type SnapshotAssessment,
} from './snapshotSchema.ts'

const mapJson = <T>(doc: Y.Doc, name: string) => doc.getMap(name).toJSON() as Record<string, T>

/** Areas with a blind round running: their ticks are in each person's private document, not on the board. */
export function blindAreas(doc: Y.Doc): string[] {
  return [...readLive(doc).rounds].flatMap(([areaId, round]) => (isBlind(round) ? [areaId] : [])).sort()
}

/** Thrown instead of an export that would not be the whole board. */
export class ExportNotWhole extends Error {}

/**
 * The whole board as a snapshot (the JSON export): every map and every evidence note, structure and
 * formatting kept, so importBoard rebuilds an equal document. `assessment` is the server's record of
 * it; the snapshot keeps only the fields it names.
 *
 * Refused while a blind round runs. Its ticks are private until the reveal, and the export is a
 * chair's download, so putting them in would let a chair read them early; leaving them out would
 * restore a blind area with everyone's ticks gone. After the reveal they are on the board and export.
 */
export function exportBoard(doc: Y.Doc, assessment: SnapshotAssessment, now = new Date()): BoardSnapshot {
  const blind = blindAreas(doc)
  if (blind.length > 0)
    throw new ExportNotWhole(
      `A blind round is running on ${blind.length === 1 ? 'area' : 'areas'} ${blind.join(', ')}. Its ticks stay private until you reveal it, so an export now would leave them out. Reveal the round, then export.`,
    )
  const notes: Record<string, NoteNode[]> = {}
  for (const name of [...doc.share.keys()].sort()) {
    const areaId = areaOfNoteRoot(name)
    if (areaId === null) continue
    const fragment = doc.getXmlFragment(name)
    if (fragment.length === 0) continue
    notes[areaId] = noteJson(fragment)
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt: now.toISOString(),
    assessment: {
      title: assessment.title,
      frameworkId: assessment.frameworkId,
      frameworkVersion: assessment.frameworkVersion,
      scope: assessment.scope,
      workstream: assessment.workstream,
      createdAt: assessment.createdAt,
    },
    board: {
      meta: mapJson(doc, ROOTS.meta) as unknown as BoardSnapshot['board']['meta'],
      people: mapJson(doc, ROOTS.people),
      ticks: mapJson(doc, ROOTS.ticks),
      agreed: mapJson(doc, ROOTS.agreed),
      comments: mapJson(doc, ROOTS.comments),
      threads: mapJson(doc, ROOTS.threads),
      actions: mapJson(doc, ROOTS.actions),
      peer: mapJson(doc, ROOTS.peer),
      sessions: mapJson(doc, ROOTS.sessions),
      live: mapJson(doc, ROOTS.live),
      notes,
      evidence: mapJson(doc, ROOTS.evidence),
      evidenceMarks: mapJson(doc, ROOTS.evidenceMarks),
      previous: mapJson(doc, ROOTS.previous),
      moderation: mapJson(doc, ROOTS.moderation),
      reviewLog: mapJson(doc, ROOTS.reviewLog),
      recorded: mapJson(doc, ROOTS.recorded),
    },
  }
}
