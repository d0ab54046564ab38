/**
 * Every root of the board as its raw Yjs type, for what genuinely needs raw access: tests that
 * forge a client's write to prove the server refuses it, benchmarks and fixtures that build a board
 * quickly. Imported as `@co-assess/board-model/roots`; product code reads and writes through the
 * named reads and writes of the package's index instead, and lint (biome.json) refuses this path in
 * the apps' source, so the server's write rules and the record codecs stay the only way in.
 */

export { moderationMap } from './records/moderation.ts'
export { reviewLogMap } from './records/peerReviewLog.ts'
export { recordedMap } from './records/recordedParticipant.ts'
export * from './roots.ts'
