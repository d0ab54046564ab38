import type { AssessmentRecord, InviteRecord, ParticipantRecord } from '../src/records.ts'

/** Records for tests: valid by default, any field overridable. */

export function anAssessment(overrides: Partial<AssessmentRecord> = {}): AssessmentRecord {
  return {
    id: 'asmt-1',
    title: 'North Loamshire ICS: engaging communities 2025',
    frameworkId: 'cqc-hi',
    frameworkVersion: '2025.1',
    scope: 'strategic',
    workstream: 'Whole system',
    createdAt: '2025-03-01T09:00:00.000Z',
    previousAssessmentId: null,
    reviewClosedAt: null,
    publication: null,
    ...overrides,
  }
}

export function anInvite(overrides: Partial<InviteRecord> = {}): InviteRecord {
  return {
    id: 'inv-1',
    assessmentId: 'asmt-1',
    role: 'participant',
    tokenHash: 'hash-1',
    createdAt: '2025-03-01T09:05:00.000Z',
    expiresAt: '2025-04-01T09:05:00.000Z',
    revokedAt: null,
    createdBy: null,
    ...overrides,
  }
}

export function aParticipant(overrides: Partial<ParticipantRecord> = {}): ParticipantRecord {
  return {
    id: 'person-1',
    assessmentId: 'asmt-1',
    inviteId: 'inv-1',
    role: 'participant',
    displayName: 'Priya',
    organisation: 'Loamshire Carers Network',
    group: 'vcse',
    joinedAt: '2025-03-02T10:00:00.000Z',
    ...overrides,
  }
}
