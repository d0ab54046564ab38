/**
 * The framework file as the server sends it (GET /api/frameworks/:id). The framework package owns
 * the format; the web app imports its types only, so no loader or schema code reaches the browser.
 */
export type {
  ChecklistItem as FrameworkItem,
  Framework,
  GlossaryEntry,
  Guidance,
  GuidanceBlock,
  GuidanceListItem,
  GuidanceSection,
  ImprovementArea as FrameworkArea,
  LevelDefinition as FrameworkLevel,
  LevelOfPractice as FrameworkAreaLevel,
  Phase as FrameworkPhase,
  Principle as FrameworkPrinciple,
  RaciRow,
} from '@co-assess/framework'
