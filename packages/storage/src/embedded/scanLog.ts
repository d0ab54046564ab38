import { FRAME_HEADER_BYTES, type Frame, readFrameAt } from './logFrame.ts'

export interface DamagedRange {
  start: number
  end: number
}

export interface LogScan {
  frames: Frame[]
  /** Byte ranges that hold no intact frame, in file order. */
  damage: DamagedRange[]
}

/**
 * Reads every intact frame of a log. After a damaged frame it looks for the next intact one, so the
 * caller can tell a torn tail (damage runs to the end) from damage with good updates after it.
 */
export function scanLog(buffer: Buffer): LogScan {
  const frames: Frame[] = []
  const damage: DamagedRange[] = []
  let offset = 0
  while (offset < buffer.length) {
    const frame = readFrameAt(buffer, offset)
    if (frame) {
      frames.push(frame)
      offset = frame.end
      continue
    }
    const next = findNextFrame(buffer, offset)
    damage.push({ start: offset, end: next ?? buffer.length })
    if (next === undefined) break
    offset = next
  }
  return { frames, damage }
}

function findNextFrame(buffer: Buffer, damagedAt: number): number | undefined {
  // Most often only the payload was hit and its length field still points at the next frame.
  if (damagedAt + FRAME_HEADER_BYTES <= buffer.length) {
    const skip = damagedAt + FRAME_HEADER_BYTES + buffer.readUInt32BE(damagedAt)
    if (skip < buffer.length && readFrameAt(buffer, skip)) return skip
  }
  // Otherwise try every later offset; a false match needs a 32-bit CRC to agree by chance.
  for (let offset = damagedAt + 1; offset + FRAME_HEADER_BYTES < buffer.length; offset++) {
    if (readFrameAt(buffer, offset)) return offset
  }
  return undefined
}
