import { z } from 'zod'

export const healthResponse = z.object({ status: z.string(), serverTime: z.number() })
export const readyResponse = z.object({ status: z.string(), store: z.string(), instance: z.string() })
