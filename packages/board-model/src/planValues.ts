import { z } from 'zod'
import { itemIdSchema, levelIdSchema } from './ids.ts'

// What makes an action measurable: what it aims to move, by when, and how the group will know.

export const horizonSchema = z.enum(['quick-win', 'this-year', 'longer-term'])
export type Horizon = z.infer<typeof horizonSchema>

export const horizonLabels: Record<Horizon, string> = {
  'quick-win': 'Quick win',
  'this-year': 'This year',
  'longer-term': 'Longer term',
}

/**
 * An action's plan. It is one optional field on the action, so boards and exports written before it
 * existed still validate, and an action without one reads as "no plan recorded" rather than as empty
 * targets. Every field inside may still be left blank.
 */
export const actionPlanSchema = z.strictObject({
  /** Checklist items the action should put in place. */
  targetItemIds: z.array(itemIdSchema).max(60),
  /** The level the action aims the area at, a framework level id. */
  targetLevel: levelIdSchema.nullable(),
  horizon: horizonSchema.nullable(),
  /** How the group will know it worked, and where that stands now. */
  measure: z.string().max(2000),
  baseline: z.string().max(2000),
  reviewDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-31')
    .nullable(),
})
export type ActionPlan = z.infer<typeof actionPlanSchema>

export const EMPTY_PLAN: ActionPlan = {
  targetItemIds: [],
  targetLevel: null,
  horizon: null,
  measure: '',
  baseline: '',
  reviewDate: null,
}
