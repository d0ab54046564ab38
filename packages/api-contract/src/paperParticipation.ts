import { recordedHowSchema } from '@co-assess/board-model'
import { z } from 'zod'
import { optionalPersonText, personText } from './fields.ts'

// Taking part on paper or by phone: the printable checklist as Word, and adding a person whose
// answers a chair enters (their ticks and views then travel through the board like anyone's).

export const checklistQuery = z.object({
  areas: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,16}(,[A-Za-z0-9-]{1,16}){0,40}$/, 'must be area ids separated by commas')
    .optional(),
})

export const recordedPersonBody = z.strictObject({
  name: personText('Their name', 80),
  organisation: optionalPersonText('Their organisation', 120).optional(),
  group: z.string({ error: 'Choose the group they speak for' }).max(40),
  how: recordedHowSchema,
})

export const recordedPersonResponse = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    organisation: z.string(),
    group: z.string(),
    groupLabel: z.string(),
  }),
  recorded: z.object({ how: recordedHowSchema, enteredBy: z.string(), enteredAt: z.number() }),
})
