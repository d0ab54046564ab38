import { ConflictError } from '../conflictError.ts'
import { NotFoundError } from '../notFoundError.ts'
import type { SessionFeedback } from '../records.ts'
import { bySessionFeedback } from '../sessionFeedbackOrder.ts'
import type { MetadataStore } from '../storagePort.ts'

/** The parts of the metadata file that hold "Did you feel heard?" answers; absent in older files. */
export interface SessionFeedbackFile {
  assessments: Array<{ id: string }>
  /** Answers with no person id or time, at random places in the list. */
  sessionFeedback?: Array<{ assessmentId: string; feedback: SessionFeedback }>
  /** One-way markers of who has answered which session, kept apart from the answers. */
  sessionFeedbackMarkers?: Array<{ assessmentId: string; marker: string }>
}

/** Session feedback over the embedded metadata file, under its one-change-at-a-time rule. */
export function embeddedSessionFeedbackMethods<F extends SessionFeedbackFile>(
  current: () => F,
  change: <T>(apply: (data: F) => T) => Promise<T>,
): Pick<MetadataStore, 'addSessionFeedback' | 'listSessionFeedback' | 'hasSessionFeedbackMarker'> {
  return {
    addSessionFeedback: (assessmentId, marker, feedback) =>
      change((data) => {
        if (!data.assessments.some((a) => a.id === assessmentId))
          throw new NotFoundError(`No assessment with id ${assessmentId}.`)
        data.sessionFeedbackMarkers ??= []
        const markers = data.sessionFeedbackMarkers
        if (markers.some((m) => m.assessmentId === assessmentId && m.marker === marker))
          throw new ConflictError('This person has already answered for this session.')
        markers.push({ assessmentId, marker })
        // Inserted at a random place, so the file's order does not line answers up with the markers.
        data.sessionFeedback ??= []
        const all = data.sessionFeedback
        all.splice(Math.floor(Math.random() * (all.length + 1)), 0, {
          assessmentId,
          feedback: structuredClone(feedback),
        })
      }),
    listSessionFeedback: async (assessmentId) =>
      (current().sessionFeedback ?? [])
        .filter((f) => f.assessmentId === assessmentId)
        .map((f) => structuredClone(f.feedback))
        .sort(bySessionFeedback),
    hasSessionFeedbackMarker: async (assessmentId, marker) =>
      (current().sessionFeedbackMarkers ?? []).some(
        (m) => m.assessmentId === assessmentId && m.marker === marker,
      ),
  }
}

/** Forgets an assessment's answers and markers, when the assessment is deleted. */
export function dropSessionFeedback(data: SessionFeedbackFile, assessmentId: string): void {
  data.sessionFeedback = (data.sessionFeedback ?? []).filter((f) => f.assessmentId !== assessmentId)
  data.sessionFeedbackMarkers = (data.sessionFeedbackMarkers ?? []).filter(
    (m) => m.assessmentId !== assessmentId,
  )
}
