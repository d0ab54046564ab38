import type { ReportModel } from './buildReportModel.ts'

/** One sentence every report prints under "who took part": who is counted, and whether small numbers are hidden. */
export function takingPartNote(
  model: Pick<ReportModel, 'smallNumberThreshold'> & Partial<Pick<ReportModel, 'recordedCount'>>,
): string {
  const who =
    'Each person is counted once, however many devices they joined from; observers and peer reviewers are not counted.'
  const recorded = model.recordedCount ?? 0
  // Said whenever anyone took part that way; a small count reads "fewer than 3 people", never the number.
  const onPaper =
    recorded === 0 || recorded === 'not shown'
      ? ''
      : ` ${recorded === 1 ? '1 person' : `${recorded} people`} took part on paper or by phone: a chair entered their ticks and views, and they count in their group like everyone else.`
  const small =
    model.smallNumberThreshold > 0
      ? ` Counts of people below ${model.smallNumberThreshold} read “fewer than ${model.smallNumberThreshold}”, so no one’s view can be picked out.`
      : ''
  return `${who}${onPaper}${small}`
}
