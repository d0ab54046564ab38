import type {
  AssessmentPatch,
  AssessmentRecord,
  EqualityAnswers,
  InviteRecord,
  OrganisationRecord,
  ParticipantRecord,
  SessionFeedback,
  StaffInviteRecord,
  StaffRecord,
} from './records.ts'

/**
 * Assessments, invites, participants and server settings. Lists come back oldest first (by their
 * creation time, then id) from every adapter, so callers and tests see one order.
 */
export interface MetadataStore {
  /** Throws ConflictError if an assessment with this id exists. */
  createAssessment(a: AssessmentRecord): Promise<void>
  getAssessment(id: string): Promise<AssessmentRecord | undefined>
  listAssessments(): Promise<AssessmentRecord[]>
  /** Applies the defined fields of `patch`; throws NotFoundError for an unknown id. */
  updateAssessment(id: string, patch: AssessmentPatch): Promise<AssessmentRecord>
  /**
   * Removes an assessment's record with its invites, participants, equality answers, session feedback and the settings
   * kept for it (keys ending `:<id>`, such as `smallNumberThreshold:<id>`), and forgets it as any other
   * assessment's previous one, all at once. Its documents are the caller's to delete. Resolves false
   * when there was no such assessment.
   */
  deleteAssessment(id: string): Promise<boolean>
  /** Throws ConflictError for a taken id or token hash, NotFoundError for an unknown assessment. */
  createInvite(i: InviteRecord): Promise<void>
  findInviteByTokenHash(hash: string): Promise<InviteRecord | undefined>
  getInvite(id: string): Promise<InviteRecord | undefined>
  listInvites(assessmentId: string): Promise<InviteRecord[]>
  /** Sets revokedAt (keeping an earlier revocation's time); throws NotFoundError for an unknown id. */
  revokeInvite(id: string, at: string): Promise<InviteRecord>
  /** Throws ConflictError for a taken id, NotFoundError for an unknown assessment or invite. */
  addParticipant(p: ParticipantRecord): Promise<void>
  getParticipant(id: string): Promise<ParticipantRecord | undefined>
  listParticipants(assessmentId: string): Promise<ParticipantRecord[]>
  /**
   * Replaces a participant's name and organisation (erasure on request); throws NotFoundError for an
   * unknown id. Returns the updated record.
   */
  renameParticipant(
    id: string,
    names: { displayName: string; organisation: string },
  ): Promise<ParticipantRecord>
  /**
   * Stores one person's equality answers apart from who gave them: the person's id goes only into a
   * list of who has answered (so nobody answers twice), the answers into another with no id, time or
   * order. Throws ConflictError if this person has answered, NotFoundError for an unknown assessment.
   */
  addEqualityAnswers(assessmentId: string, personId: string, answers: EqualityAnswers): Promise<void>
  /** Every set of equality answers for an assessment, in an order that says nothing about who answered when. */
  listEqualityAnswers(assessmentId: string): Promise<EqualityAnswers[]>
  hasAnsweredEquality(assessmentId: string, personId: string): Promise<boolean>
  /**
   * Stores one "Did you feel heard?" answer apart from who gave it. `marker` is a one-way value the
   * caller derives from the person and the session (the store never learns who): it goes into a set
   * of markers, kept apart from the answers, so the same person cannot answer a session twice.
   * Throws ConflictError if the marker is there already, NotFoundError for an unknown assessment.
   */
  addSessionFeedback(assessmentId: string, marker: string, feedback: SessionFeedback): Promise<void>
  /** Every session feedback answer of an assessment, ordered by content (never by when it came). */
  listSessionFeedback(assessmentId: string): Promise<SessionFeedback[]>
  hasSessionFeedbackMarker(assessmentId: string, marker: string): Promise<boolean>
  /** Server-wide values such as the token signing secret and the admin key hash. */
  getSetting(key: string): Promise<string | undefined>
  setSetting(key: string, value: string): Promise<void>
  /**
   * Stores the value only if the key has none yet, and returns whichever value the store keeps, so
   * instances starting together agree on one generated secret.
   */
  setSettingIfAbsent(key: string, value: string): Promise<string>
  /** Every setting, for migrating a store; callers must not log the values (they include secrets). */
  listSettings(): Promise<Record<string, string>>

  /** Throws ConflictError for a taken id. */
  createOrganisation(o: OrganisationRecord): Promise<void>
  getOrganisation(id: string): Promise<OrganisationRecord | undefined>
  listOrganisations(): Promise<OrganisationRecord[]>
  /** Replaces the name and Places; throws NotFoundError for an unknown id. */
  updateOrganisation(id: string, change: { name: string; places: string[] }): Promise<OrganisationRecord>
  /** Throws ConflictError for a taken id or identity, NotFoundError for an unknown organisation. */
  createStaff(s: StaffRecord): Promise<void>
  getStaff(id: string): Promise<StaffRecord | undefined>
  findStaffByIdentity(issuer: string, subject: string): Promise<StaffRecord | undefined>
  listStaff(organisationId: string): Promise<StaffRecord[]>
  /** Throws ConflictError for a taken id or token hash, NotFoundError for an unknown organisation. */
  createStaffInvite(i: StaffInviteRecord): Promise<void>
  findStaffInviteByTokenHash(hash: string): Promise<StaffInviteRecord | undefined>
  /**
   * Marks the invite used and creates the staff record, at once: two people opening one link at the
   * same moment make one member of staff. Throws ConflictError if it was already used (or the
   * identity is taken), NotFoundError for an unknown invite.
   */
  acceptStaffInvite(inviteId: string, staff: StaffRecord): Promise<void>
}

/** One Yjs document per assessment, stored as a snapshot plus an append-only log of updates. */
export interface DocumentStore {
  /** Resolves only once the update is durable (fsync / committed). Concurrent appends may be batched (group commit). */
  appendUpdate(documentName: string, update: Uint8Array): Promise<void>
  /** The whole stored state of a document as one Yjs update (snapshot merged with the log), or null if never stored. */
  loadDocument(documentName: string): Promise<Uint8Array | null>
  /**
   * Replace snapshot + log with one snapshot (the caller passes Y.encodeStateAsUpdate of the live doc);
   * crash-safe at every step. The new snapshot is `state` merged with everything already stored, so an
   * update appended but not yet applied to the caller's doc (or written by another instance) survives.
   */
  compact(documentName: string, state: Uint8Array): Promise<void>
  /** Number of updates in the log since the last snapshot, so the caller can decide when to compact. */
  logLength(documentName: string): Promise<number>
  /** Names of every stored document, sorted, optionally only those starting with `prefix`. */
  listDocuments(prefix?: string): Promise<string[]>
  /**
   * Removes a document's snapshot, log and any copy the store made of them (a damaged log copied
   * aside, a half-written temp file), durably. The caller makes sure nothing writes to it meanwhile.
   */
  deleteDocument(documentName: string): Promise<void>
}

export interface Storage {
  metadata: MetadataStore
  documents: DocumentStore
  /** Where the data lives, for logs and the health page, e.g. "embedded store at ./data"; never a password. */
  describe(): string
  /**
   * Makes one small durable write, as every save does, and resolves once it is stored: a readiness
   * check that answers "can this store take work now", which a read cannot (a full or read-only disk
   * and a frozen one still answer reads from cache). Throws the store's own error; once the store is
   * closed, a StorageUnavailableError.
   */
  checkWritable(): Promise<void>
  /** Waits for writes in flight, then releases files and connections. */
  close(): Promise<void>
}
