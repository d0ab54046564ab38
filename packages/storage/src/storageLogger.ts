/** The one logging call storage makes; a pino logger fits it. */
export interface StorageLogger {
  warn(obj: object, msg: string): void
}

export const silentLogger: StorageLogger = { warn() {} }
