export { type Config, readConfig } from './config.ts'
export { type CoAssessServer, createServer } from './createServer.ts'
export { ensureDemo } from './demo.ts'
