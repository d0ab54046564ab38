/**
 * The part of a framework area the board needs. The framework package's ImprovementArea fits it,
 * which keeps this package free of the framework's loader and schema.
 */
export interface AreaShape {
  id: string
  levels: ReadonlyArray<{ level: string; items: ReadonlyArray<{ id: string }> }>
}
export interface LevelShape {
  id: string
  label: string
}
