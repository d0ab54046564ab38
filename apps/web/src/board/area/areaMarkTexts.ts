import type { FrameworkArea, FrameworkPhase } from '../../framework/frameworkTypes.ts'

/** The mark key of an item's plain-English reading. */
export const plainMarkKey = (itemId: string) => `plain:${itemId}`

/**
 * The area page's texts that may hold glossary words, in reading order: the phase's aim, the summary,
 * the link to health inequalities, then each item's plain-English reading. The items' own words sit in
 * checkbox labels, which must hold no buttons, so they are listed under "Words used on this page" instead.
 */
export function areaMarkTexts(area: FrameworkArea, phase: FrameworkPhase): [string, string][] {
  return [
    ...(phase.aim ? [['aim', phase.aim] as [string, string]] : []),
    ['summary', area.summary],
    ['healthInequalities', area.healthInequalities],
    ...area.levels.flatMap((level) =>
      level.items.flatMap((item): [string, string][] =>
        item.plainEnglish ? [[plainMarkKey(item.id), item.plainEnglish]] : [],
      ),
    ),
  ]
}
