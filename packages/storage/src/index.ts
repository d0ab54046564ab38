export { ConflictError } from './conflictError.ts'
export { type EmbeddedStorageOptions, openEmbeddedStorage } from './embedded/openEmbeddedStorage.ts'
export { InvalidDocumentNameError } from './invalidDocumentNameError.ts'
export {
  type MigrationReport,
  migrateEmbeddedToPostgres,
} from './migrateEmbeddedToPostgres.ts'
export { NotFoundError } from './notFoundError.ts'
export { openStorageFromEnv, type StorageFromEnvOptions } from './openStorage.ts'
export { openPostgresStorage, type PostgresStorageOptions } from './postgres/openPostgresStorage.ts'
export type {
  AssessmentPatch,
  AssessmentPlan,
  AssessmentRecord,
  EqualityAnswers,
  InviteRecord,
  InviteRole,
  OrganisationRecord,
  ParticipantGroup,
  ParticipantRecord,
  PublicationRecord,
  SessionFeedback,
  StaffInviteRecord,
  StaffRecord,
  StaffRole,
  StakeholderGroupRecord,
} from './records.ts'
export { type StorageLogger, silentLogger } from './storageLogger.ts'
export type { DocumentStore, MetadataStore, Storage } from './storagePort.ts'
export { StorageUnavailableError } from './storageUnavailableError.ts'
