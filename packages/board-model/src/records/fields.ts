import { z } from 'zod'

// Every value stored in the board's maps is a small record that must validate whole; the server's
// write guard checks each incoming value against these schemas before the update is applied. These
// are the field shapes the records share.

export const isoDate = z.string().max(40)
export const shortText = (max: number) => z.string().max(max)
export const timestamp = z.number().int().nonnegative()
