import type { Action } from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import { z } from 'zod'
import { actionStatusLabels } from './buildReportModel.ts'
import type { Redaction } from './redaction.ts'

/**
 * What a public page holds: a snapshot of the actions the chair chose, and nothing else. No names,
 * no owners, no comments, no groups: only the words of each action (names of people on the board
 * turned into their group by the public redaction) and the areas it belongs to.
 */
export const publicationContentSchema = z.object({
  publicId: z.string(),
  title: z.string().optional(),
  workstream: z.string().optional(),
  items: z
    .array(
      z.object({
        youSaid: z.string(),
        weDid: z.string(),
        whatChanged: z.string(),
        status: z.string(),
        statusLabel: z.string(),
        /** Why a dropped action was dropped; pages published before this was kept have none. */
        droppedReason: z.string().optional(),
        areas: z.array(z.object({ id: z.string(), title: z.string() })),
      }),
    )
    .optional(),
})
export type PublicationContent = z.infer<typeof publicationContentSchema>

export function publicationContent(
  publicId: string,
  assessment: { title: string; workstream: string },
  framework: Framework,
  chosen: readonly Action[],
  redact: Redaction,
): PublicationContent {
  if (redact.audience !== 'public') throw new Error('a public page is made only through the public redaction')
  const titles = new Map(framework.phases.flatMap((p) => p.areas.map((a) => [a.id, a.title] as const)))
  return {
    publicId,
    title: assessment.title,
    workstream: assessment.workstream,
    items: chosen.map((a) => ({
      youSaid: redact.text(a.youSaid),
      weDid: redact.text(a.weDid),
      whatChanged: redact.text(a.whatChanged),
      status: a.status,
      statusLabel: actionStatusLabels[a.status],
      ...(a.status === 'dropped' ? { droppedReason: redact.text(a.droppedReason) } : {}),
      areas: a.areaIds.map((id) => ({ id, title: titles.get(id) ?? id })),
    })),
  }
}

/** The settings key that finds an assessment from its public id without scanning every assessment. */
export const publicPageKey = (publicId: string) => `publicPage:${publicId}`
