import type { Framework } from './frameworkTypes.ts'

/**
 * How the board says a text is the project's, not the publisher's: plain-English readings and the
 * glossary are ours, and a reader must never take them for the framework's own wording.
 */
export function notTheirWords(framework: Pick<Framework, 'publisherShort'>): string {
  return framework.publisherShort ? `not ${framework.publisherShort}’s words` : 'not the framework’s words'
}

export function plainEnglishTag(framework: Pick<Framework, 'publisherShort'>): string {
  return `In plain English (our words, ${notTheirWords(framework)}):`
}
