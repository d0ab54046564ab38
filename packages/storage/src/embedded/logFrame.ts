import { crc32 } from 'node:zlib'

/** 4-byte big-endian payload length, then the payload's 4-byte CRC32. */
export const FRAME_HEADER_BYTES = 8

/**
 * Far above any real Yjs update or snapshot of a workshop board; a bound that lets the scanner
 * reject a garbage length at once instead of treating it as the start of a huge frame.
 */
export const MAX_FRAME_PAYLOAD_BYTES = 256 * 1024 * 1024

export interface Frame {
  offset: number
  end: number
  payload: Buffer
}

export function encodeFrame(payload: Uint8Array): Buffer {
  if (payload.length === 0)
    throw new RangeError('Refusing to store an empty update: a Yjs update is never empty.')
  if (payload.length > MAX_FRAME_PAYLOAD_BYTES) {
    throw new RangeError(`Refusing to store an update of ${payload.length} bytes (the limit is 256 MiB).`)
  }
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length)
  frame.writeUInt32BE(payload.length, 0)
  frame.writeUInt32BE(crc32(payload), 4)
  frame.set(payload, FRAME_HEADER_BYTES)
  return frame
}

/**
 * The whole, intact frame starting at `offset`, or undefined. Zero-length frames are never written,
 * so a run of zeros (what a crash can leave in a file's unwritten tail) never reads as valid frames.
 */
export function readFrameAt(buffer: Buffer, offset: number): Frame | undefined {
  if (offset + FRAME_HEADER_BYTES > buffer.length) return undefined
  const length = buffer.readUInt32BE(offset)
  if (length === 0 || length > MAX_FRAME_PAYLOAD_BYTES) return undefined
  const end = offset + FRAME_HEADER_BYTES + length
  if (end > buffer.length) return undefined
  const payload = buffer.subarray(offset + FRAME_HEADER_BYTES, end)
  if (crc32(payload) !== buffer.readUInt32BE(offset + 4)) return undefined
  return { offset, end, payload }
}
