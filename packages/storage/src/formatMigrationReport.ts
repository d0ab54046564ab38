import type { RecordCounts } from './copyStorage.ts'
import type { MigrationReport } from './migrateEmbeddedToPostgres.ts'

/** The lines the migration command prints. Setting values are never shown: they include secrets. */
export function formatMigrationReport(report: MigrationReport): string {
  const line = (label: string, c: RecordCounts) =>
    `  ${label}: ${c.copied} copied, ${c.alreadyThere} already there` +
    (c.differing.length > 0
      ? `, ${c.differing.length} differ (kept the target's: ${c.differing.join(', ')})`
      : '')
  const d = report.documents
  return [
    `Copied ${report.from} into ${report.to}`,
    line('organisations', report.organisations),
    line('staff', report.staff),
    line('assessments', report.assessments),
    line('invites', report.invites),
    line('participants', report.participants),
    line('settings', report.settings),
    `  documents: ${d.copied} copied, ${d.alreadyThere} already there, ${d.merged} merged with edits already in the target (all verified)`,
  ].join('\n')
}
