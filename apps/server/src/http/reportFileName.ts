import { plainDate } from '@co-assess/board-model'
import { humanFileName } from './contentDisposition.ts'

/**
 * A download's name as people will find it in their downloads folder: what it is, which assessment,
 * and the day it was made ("Co-assess report - Engagement review 2026 - 2 December 2026.docx"), not
 * "report-QLcPtRHv4bMS4Lol.docx".
 */
export function reportFileName(
  what: string,
  title: string,
  extension: string,
  madeAt: Date = new Date(),
): string {
  return humanFileName([`Co-assess ${what}`, title, plainDate(madeAt)], extension)
}
