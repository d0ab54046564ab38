import type { ReportModel } from './buildReportModel.ts'

/** One sentence every report prints under "who took part": who is counted, and whether small numbers are hidden. */
export function takingPartNote(model: Pick<ReportModel, 'smallNumberThreshold'>): string {
  const who =
    'Each person is counted once, however many devices they joined from; observers and peer reviewers are not counted.'
  const small =
    model.smallNumberThreshold > 0
      ? ` Counts of people below ${model.smallNumberThreshold} read “fewer than ${model.smallNumberThreshold}”, so no one’s view can be picked out.`
      : ''
  return `${who}${small}`
}
