import { z } from 'zod'

const text = z.string().regex(/\S/, { error: 'must not be empty' })

export const glossaryEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
      error: 'must be 1 to 64 lower-case letters, digits or dashes, like "vcse"',
    }),
    term: text.describe('The word or abbreviation as the glossary lists it, like "VCSE".'),
    expansion: text.optional().describe('What an abbreviation stands for.'),
    forms: z
      .array(text)
      .min(1, { error: 'must list at least one form' })
      .describe(
        'The exact words to find in the text ("ICS", "ICSs", "integrated care system"). A form that starts with a small letter also matches with a capital, at the start of a sentence; one that starts with a capital matches only so, which keeps "Place" (an area) apart from "in place".',
      ),
    definition: text.describe("The project's plain-English definition: not the publisher's words."),
  })
  .describe('A word the board explains where it appears.')

export const glossarySchema = z
  .array(glossaryEntrySchema)
  .describe("Definitions written by the project (not the publisher's words), shown where the words appear.")
