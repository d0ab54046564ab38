import type { z } from 'zod'
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
