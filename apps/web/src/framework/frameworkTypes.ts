/**
 * The framework file as the server sends it (GET /api/frameworks/:id). The framework package owns the
 * schema; the board reads only these fields, so a corrected or local framework file renders the same.
 */
export interface FrameworkItem {
  id: string
  text: string
  note?: string
}
export interface FrameworkAreaLevel {
  level: string
  items: FrameworkItem[]
}
export interface FrameworkArea {
  id: string
  title: string
  summary: string
  healthInequalities: string
  levels: FrameworkAreaLevel[]
}
export interface FrameworkPhase {
  id: string
  title: string
  aim?: string
  description?: string
  areas: FrameworkArea[]
}
export interface FrameworkLevel {
  id: string
  label: string
  description?: string
}
export interface Framework {
  id: string
  version: string
  title: string
  publisher?: string
  published?: string
  source?: string
  levels: FrameworkLevel[]
  principles?: Array<{ id: string; title: string; text: string }>
  phases: FrameworkPhase[]
}
