import type { z } from 'zod'
import type * as assessments from './assessments.ts'
import type * as frameworks from './frameworks.ts'
import type * as invites from './invites.ts'
import type * as organisations from './organisations.ts'
import type * as paperParticipation from './paperParticipation.ts'
import type * as peoplesData from './peoplesData.ts'
import type * as reports from './reports.ts'
import type * as sessionFeedback from './sessionFeedback.ts'
import type * as staff from './staff.ts'

// What the web app sends (`z.input`: defaults may be left out) and receives (`z.output`), by name.

export type AssessmentRecord = z.output<typeof assessments.assessmentRecord>
export type IssuedInvite = z.output<typeof assessments.issuedInvite>
export type InviteSummary = z.output<typeof assessments.inviteSummary>
export type Participant = z.output<typeof assessments.participantSummary>
export type AssessmentDetail = z.output<typeof assessments.assessmentDetail>
export type CreateInviteInput = z.input<typeof assessments.createInviteBody>
export type AnonymousName = z.output<typeof assessments.anonymousNameResponse>

export type FrameworkChoice = z.output<typeof frameworks.frameworkSummaryResponse>

export type InviteInfo = z.output<typeof invites.inviteInfo>
export type JoinInput = z.input<typeof invites.joinBody>
export type JoinedPerson = z.output<typeof invites.joinedPerson>
export type JoinResult = z.output<typeof invites.joinResult>
export type AccessToken = z.output<typeof invites.accessToken>

export type ReportLinks = z.output<typeof reports.reportLinks>
export type PublicationState = z.output<typeof reports.publicationState>
export type PossibleName = z.output<typeof reports.possibleName>
export type PublicationPreview = z.output<typeof reports.publicationPreview>
export type PublishInput = z.input<typeof reports.publishBody>
export type Published = z.output<typeof reports.published>
export type Withdrawn = z.output<typeof reports.withdrawn>
export type Reassessment = z.output<typeof reports.reassessment>

export type EqualityQuestion = z.output<typeof peoplesData.equalityQuestion>
export type ShownCount = z.output<typeof peoplesData.shownCount>
export type EqualitySummary = z.output<typeof peoplesData.equalitySummary>
export type EqualityQuestions = z.output<typeof peoplesData.equalityQuestionsResponse>
export type EqualityStored = z.output<typeof peoplesData.equalityStored>
export type Erased = z.output<typeof peoplesData.eraseResponse>
export type Deleted = z.output<typeof peoplesData.deletedResponse>
export type GroupsInput = z.input<typeof peoplesData.groupsBody>
export type Groups = z.output<typeof peoplesData.groupsResponse>
export type Retention = z.output<typeof peoplesData.retentionResponse>

export type StaffRole = z.output<typeof staff.staffRoleSchema>
export type SignInOptions = z.output<typeof staff.signInOptions>
export type StaffMe = z.output<typeof staff.staffMe>
export type StaffLinkInfo = z.output<typeof staff.staffLinkInfo>
export type StaffInviteIssued = z.output<typeof staff.staffInviteIssued>

export type Standing = z.output<typeof organisations.standing>
export type OrganisationAssessment = z.output<typeof organisations.organisationAssessment>
export type WorkstreamHistory = z.output<typeof organisations.workstreamHistory>
export type PlaceLevels = z.output<typeof organisations.placeLevels>
export type OrganisationAssessments = z.output<typeof organisations.organisationAssessments>
export type OrganisationHistory = z.output<typeof organisations.organisationHistory>
export type OrganisationPlaces = z.output<typeof organisations.organisationPlaces>
export type NewAssessmentInput = z.input<typeof organisations.planBody>
export type PlannedAssessment = z.output<typeof organisations.plannedAssessment>
export type StaffReassessment = z.output<typeof organisations.staffReassessment>

export type FeedbackAnswer = z.input<typeof sessionFeedback.feedbackAnswerBody>
export type FeedbackState = z.output<typeof sessionFeedback.feedbackState>
export type FeedbackStored = z.output<typeof sessionFeedback.feedbackStored>
export type FeedbackSummary = z.output<typeof sessionFeedback.feedbackSummary>
export type SessionFeedbackSummary = FeedbackSummary['sessions'][number]
export type FeedbackScores = NonNullable<SessionFeedbackSummary['overall']>

export type RecordedPersonInput = z.input<typeof paperParticipation.recordedPersonBody>
export type RecordedPersonAdded = z.output<typeof paperParticipation.recordedPersonResponse>
