export { clientOwner, clientsOf, encodeClaims } from './clientClaims.ts'
export {
  DEFAULT_GROUPS,
  GROUP_ID_PATTERN,
  type GroupDef,
  groupDefSchema,
  groupIdFromLabel,
  groupIdSchema,
  groupLabel,
  groupListSchema,
  hasGroup,
  LEGACY_NO_GROUP,
  MAX_GROUPS,
} from './groups.ts'
export { BOARD_LIMITS, type BoardShape, boardShape } from './guard/boardShape.ts'
export { type GuardVerdict, guardUpdate } from './guard/guardUpdate.ts'
export { type MapWrite, mayWriteFragment, mayWriteMapEntry, type Writer } from './guard/writeRules.ts'
export {
  type AreaId,
  areaIdSchema,
  areaOfItem,
  entityIdSchema,
  type ItemId,
  itemIdSchema,
  levelIdSchema,
  type PersonId,
  personIdSchema,
} from './ids.ts'
export { MIGRATIONS, type MigrationOutcome, migrateBoard } from './migrations/migrateBoard.ts'
export type { Migration } from './migrations/migration.ts'
export { type BoardOrigin, isBoardOrigin, localOrigin, serverOrigin } from './origins.ts'
export { organisationShown, personLabel } from './personLabel.ts'
export { optionalPersonText, personText } from './personText.ts'
export { plainDate } from './plainDates.ts'
export * from './planValues.ts'
export { type PresenceCursor, presenceCursorSchema } from './presence.ts'
export {
  type Agreement,
  agreedBefore,
  agreedThen,
  agreementOf,
  describeHistoryEntry,
  NEVER_AGREED,
  toldThen,
} from './read/actionHistory.ts'
export {
  anonymousRoundOf,
  countAnonymousRound,
  hasAnonymousRecord,
  privateAreaTicks,
  readAnonymousTally,
  sameAnonymousCounts,
  tallyFromAnonymous,
  ticksStayPrivate,
} from './read/anonymousTally.ts'
export type { AreaShape, LevelShape } from './read/areaShape.ts'
export { changedOnly } from './read/changedOnly.ts'
export { type AgreedLevelChange, observeAgreedLevels } from './read/observeAgreedLevels.ts'
export { observeSessionRewrites, type SessionRewrite } from './read/observeSessionRewrites.ts'
export { observeTicks, type TickChange } from './read/observeTicks.ts'
export { PUBLISHABLE_STATUSES, whyNotPublishable } from './read/publishable.ts'
export { readEvidence, readEvidenceMarks, readPrevious } from './read/readEvidence.ts'
export { readGroups } from './read/readGroups.ts'
export {
  readActions,
  readAgreedLevels,
  readComment,
  readPeerSuggestions,
  readPeople,
  readSessions,
  readThreadStates,
  readThreads,
  type Thread,
} from './read/readRecords.ts'
export {
  LEVEL_THRESHOLD,
  type LevelProgress,
  type LevelSuggestion,
  suggestLevel,
} from './read/suggestLevel.ts'
export { countPeople, identityOf, peopleTakingPart, takesPart } from './read/takingPart.ts'
export {
  type AreaRespondents,
  type AreaTally,
  areaRespondents,
  type GroupCount,
  type ItemTally,
  tallyArea,
  tallyItem,
} from './read/tallyArea.ts'
export { type AreaTicks, areasTicked, ticksByArea, ticksOfPerson } from './read/ticksByArea.ts'
export {
  countWhoTicked,
  type GroupVoice,
  peopleExpected,
  shareOf,
  tickingProgress,
  type VoiceBalance,
  type VoiceMeasure,
  voiceBalance,
} from './read/voiceBalance.ts'
export {
  type BlindProgress,
  blindProgressSchema,
  progressOfRound,
  readBlindProgress,
  readBlindProgressByArea,
  setBlindProgress,
} from './records/blindProgress.ts'
export * from './records/evidence.ts'
export {
  type HiddenWords,
  hiddenComment,
  hiddenNotice,
  hiddenWordsSchema,
  hideComment,
  MODERATION_REASON_MAX,
  type Moderation,
  ModerationError,
  type ModerationEvent,
  moderationEventSchema,
  moderationKey,
  moderationSchema,
  readModeration,
  readModerationOf,
  showComment,
} from './records/moderation.ts'
export { OWNER_SEPARATOR, type OwnedKey } from './records/ownedKey.ts'
export {
  type ReviewEvent,
  readReviewLog,
  reviewEventKey,
  reviewEventSchema,
  setPeerReviewClosed,
} from './records/peerReviewLog.ts'
export {
  DISCUSSION_QUESTIONS,
  isRecordedParticipant,
  RECORDED_HOWS,
  type RecordedAnswers,
  type RecordedHow,
  type RecordedParticipant,
  readRecordedParticipants,
  recordAnswers,
  recordedFrom,
  recordedHowSchema,
  recordedKey,
  recordedMark,
  recordedParticipantSchema,
  recordParticipant,
} from './records/recordedParticipant.ts'
export {
  PARTICIPANT_GROUPS,
  participantGroupSchema,
  type Role,
  roleLabels,
  roleSchema,
  type StakeholderGroup,
  stakeholderGroupLabels,
  stakeholderGroupSchema,
  writesTheBoard,
} from './roles.ts'
// The roots' names, and each area's note fragment for the collaborative editor; the raw maps are
// `@co-assess/board-model/roots` (rawRoots.ts), for tests and benchmarks only.
export { type MapRootName, NOTE_ROOT_PREFIX, noteFragment, noteRootName, ROOTS } from './roots.ts'
export { blindAreas, ExportNotWhole, exportBoard } from './snapshot/exportBoard.ts'
export { importBoard } from './snapshot/importBoard.ts'
export type { NoteNode } from './snapshot/noteNodes.ts'
export { type Misfit, misfitWithFramework } from './snapshot/snapshotFit.ts'
export {
  type BoardSnapshot,
  boardSnapshotSchema,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type SnapshotAssessment,
} from './snapshot/snapshotSchema.ts'
export { stringifyJson } from './snapshot/stringifyJson.ts'
export * from './values.ts'
export {
  activeSession,
  areaTallyOf,
  type BoardView,
  keepTally,
  keepUnchanged,
  myTicksOf,
  readBoardView,
  sameItemTally,
  sameSuggestion,
  type ViewShape,
  viewShape,
} from './view/boardView.ts'
export {
  type BoardViewWatch,
  type ChangesSince,
  noteChangesSince,
  watchBoardView,
} from './view/boardViewWatch.ts'
export { keepEntries, keepList, keepMap, sameEntries, sameItems } from './view/sameValues.ts'
export {
  BLIND_SEPARATOR,
  blindDocumentName,
  CLOSE_CODES,
  type DocumentName,
  isRefusalMessage,
  parseDocumentName,
  refusalMessage,
  refusalReason,
  SYNC_MESSAGE,
} from './wire.ts'
export { type ActionDraft, agreeAction, proposeAction, updateAction } from './write/actions.ts'
export { carryEvidence, type PreviousFindings } from './write/carryEvidence.ts'
export { carryForward, historyEntry, isOpenAction, type PreviousAssessment } from './write/carryForward.ts'
export { type UnsavedWork, unsavedWork } from './write/carryNotes.ts'
export {
  addComment,
  deleteComment,
  editComment,
  type NewComment,
  setThreadResolved,
} from './write/comments.ts'
export {
  acceptEvidence,
  addEvidence,
  clearEvidenceMark,
  type EvidenceDraft,
  editEvidence,
  markEvidence,
  removeEvidence,
  setEvidenceStatus,
} from './write/evidence.ts'
export { NO_RATIONALE, recordAgreedLevel, suggestPeerLevel } from './write/levels.ts'
export {
  endStoppedSessions,
  erasePerson,
  initBoard,
  keepAttendance,
  mergeBlindTicks,
  mergeSettledTicks,
  recordAttendance,
  setAnonymousTally,
  setBoardGroups,
  setReviewClosed,
  settledPrivateAreas,
  upsertPerson,
} from './write/server.ts'
export {
  endAnonymousRound,
  endSession,
  revealBlindRound,
  setFocus,
  startAnonymousRound,
  startBlindRound,
  startSession,
  startTimer,
  stopTimer,
} from './write/session.ts'
export { setTick } from './write/ticks.ts'
