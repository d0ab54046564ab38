/**
 * Shapes of the server's HTTP answers that the web app reads, inferred from the API contract
 * (packages/api-contract), which the server's routes serialise through: they cannot drift apart.
 */
export type {
  AssessmentDetail,
  AssessmentRecord,
  InviteInfo,
  InviteSummary,
  IssuedInvite,
  JoinedPerson,
  JoinResult,
  Participant,
  PossibleName,
  PublicationPreview,
  PublicationState,
  Reassessment,
  ReportLinks,
} from '@co-assess/api-contract'
