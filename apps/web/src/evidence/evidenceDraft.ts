import type { Evidence, EvidenceDraft, EvidenceKind } from '@co-assess/board-model'

/** What the evidence form holds while someone types: strings, as the inputs give them. */
export interface EvidenceFormValues {
  kind: EvidenceKind | ''
  title: string
  link: string
  description: string
  date: string
  itemIds: string[]
  shareable: 'yes' | 'no' | ''
}

export type EvidenceField = 'kind' | 'title' | 'link' | 'description' | 'date' | 'shareable'
export interface FormProblem {
  field: EvidenceField
  text: string
}

export const emptyEvidenceForm: EvidenceFormValues = {
  kind: '',
  title: '',
  link: '',
  description: '',
  date: '',
  itemIds: [],
  shareable: '',
}

export function formValuesOf(evidence: Evidence): EvidenceFormValues {
  return {
    kind: evidence.kind,
    title: evidence.title,
    link: evidence.link,
    description: evidence.description,
    date: evidence.date ?? '',
    itemIds: evidence.itemIds,
    shareable: evidence.shareable ? 'yes' : 'no',
  }
}

/**
 * The form's problems, in the order the fields appear, worded as the NHS.UK error messages are: say
 * what to do, not what went wrong. The same limits as the board's schema, so the server never has
 * to refuse what the form let through.
 */
export function evidenceProblems(values: EvidenceFormValues): FormProblem[] {
  const problems: FormProblem[] = []
  if (!values.kind) problems.push({ field: 'kind', text: 'Select what kind of evidence it is' })
  if (!values.title.trim()) problems.push({ field: 'title', text: 'Enter a title for the evidence' })
  else if (values.title.trim().length > 200)
    problems.push({ field: 'title', text: 'Title must be 200 characters or fewer' })
  const link = values.link.trim()
  if (link && !/^https?:\/\/[^\s]+$/i.test(link))
    problems.push({ field: 'link', text: 'Enter a web address that starts with https://' })
  else if (link.length > 2000)
    problems.push({ field: 'link', text: 'Link must be 2,000 characters or fewer' })
  if (!link && !values.description.trim())
    problems.push({ field: 'description', text: 'Enter a short description, or give a link' })
  else if (values.description.trim().length > 2000)
    problems.push({ field: 'description', text: 'Description must be 2,000 characters or fewer' })
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    problems.push({ field: 'date', text: 'Enter the date like 2026-03-31, or leave it empty' })
  if (!values.shareable)
    problems.push({ field: 'shareable', text: 'Select whether it can be shared beyond the board' })
  return problems
}

/** The draft to write, once the form has no problems. */
export function draftOf(values: EvidenceFormValues, areaId: string): EvidenceDraft {
  return {
    kind: values.kind as EvidenceKind,
    title: values.title.trim(),
    link: values.link.trim(),
    description: values.description.trim(),
    date: values.date || null,
    areaId,
    itemIds: values.itemIds,
    shareable: values.shareable === 'yes',
  }
}
