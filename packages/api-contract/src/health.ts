import { z } from 'zod'

export const healthResponse = z.object({ status: z.literal('ok'), serverTime: z.number() })
export const readyResponse = z.object({ status: z.literal('ready'), store: z.string(), instance: z.string() })
