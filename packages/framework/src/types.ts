import type { z } from 'zod'
import type { glossaryEntrySchema } from './glossarySchema.ts'
import type {
  guidanceBlockSchema,
  guidanceListItemSchema,
  guidanceSchema,
  guidanceSectionSchema,
  raciRowSchema,
} from './guidanceSchema.ts'
import type {
  checklistItemSchema,
  frameworkSchema,
  improvementAreaSchema,
  levelDefinitionSchema,
  levelOfPracticeSchema,
  phaseSchema,
  principleSchema,
} from './schema.ts'

export type Framework = z.infer<typeof frameworkSchema>
export type Phase = z.infer<typeof phaseSchema>
export type ImprovementArea = z.infer<typeof improvementAreaSchema>
export type LevelOfPractice = z.infer<typeof levelOfPracticeSchema>
export type ChecklistItem = z.infer<typeof checklistItemSchema>
export type LevelDefinition = z.infer<typeof levelDefinitionSchema>
export type Principle = z.infer<typeof principleSchema>
export type Guidance = z.infer<typeof guidanceSchema>
export type GuidanceSection = z.infer<typeof guidanceSectionSchema>
export type GuidanceBlock = z.infer<typeof guidanceBlockSchema>
export type GuidanceListItem = z.infer<typeof guidanceListItemSchema>
export type RaciRow = z.infer<typeof raciRowSchema>
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>
