export { FrameworkFileError, type FrameworkProblem } from './FrameworkFileError.ts'
export { findArea } from './findArea.ts'
export { type FoundItem, findItem } from './findItem.ts'
export { formatPath } from './formatPath.ts'
export { frameworkJsonSchema } from './frameworkJsonSchema.ts'
export { type FrameworkSummary, frameworkSummary } from './frameworkSummary.ts'
export { itemsOfArea } from './itemsOfArea.ts'
export { levelIndex } from './levelIndex.ts'
export { listAreas } from './listAreas.ts'
export { loadFrameworkFile } from './loadFrameworkFile.ts'
export { loadFrameworksFromDir } from './loadFrameworksFromDir.ts'
export { parseFramework } from './parseFramework.ts'
export { defaultRubricDir } from './rubricDir.ts'
export {
  checklistItemSchema,
  frameworkSchema,
  improvementAreaSchema,
  levelDefinitionSchema,
  levelOfPracticeSchema,
  phaseSchema,
  principleSchema,
  RESERVED_LEVEL_IDS,
} from './schema.ts'
export type {
  ChecklistItem,
  Framework,
  GlossaryEntry,
  Guidance,
  GuidanceBlock,
  GuidanceListItem,
  GuidanceSection,
  ImprovementArea,
  LevelDefinition,
  LevelOfPractice,
  Phase,
  Principle,
  RaciRow,
} from './types.ts'
