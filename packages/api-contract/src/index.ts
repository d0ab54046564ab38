/**
 * The HTTP API's contract: each route's request (body, params, query) and response schemas. The
 * server's routes validate requests and serialise responses with them (so nothing undeclared leaves),
 * OpenAPI (/api/openapi.json) is generated from them, and the web app reads the inferred types.
 */
export * from './assessments.ts'
export * from './fields.ts'
export * from './frameworks.ts'
export * from './health.ts'
export * from './invites.ts'
export * from './moderation.ts'
export * from './organisations.ts'
export * from './paperParticipation.ts'
export * from './peerReview.ts'
export * from './peoplesData.ts'
export * from './reports.ts'
export * from './sessionFeedback.ts'
export * from './staff.ts'
export type * from './types.ts'
