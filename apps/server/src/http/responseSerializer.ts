import type { FastifySerializerCompiler } from 'fastify'
import { serializerCompiler } from 'fastify-type-provider-zod'

/**
 * Paths in `given` that the serialised answer left out: fields a route sent that its response
 * schema (packages/api-contract) does not declare.
 */
export function undeclaredPaths(given: unknown, sent: unknown, path = ''): string[] {
  if (Array.isArray(given) && Array.isArray(sent))
    return given.flatMap((item, index) => undeclaredPaths(item, sent[index], `${path}[${index}]`))
  if (!isPlainObject(given) || !isPlainObject(sent)) return []
  return Object.entries(given).flatMap(([key, value]) => {
    if (value === undefined) return []
    const at = path ? `${path}.${key}` : key
    return key in sent ? undeclaredPaths(value, sent[key], at) : [at]
  })
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Serialises each JSON answer through its route's response schema, so only what the contract
 * declares leaves the server. With `strict` (the tests), a field the schema does not declare is an
 * error rather than quietly dropped, so the contract cannot fall behind what a route sends.
 */
export function responseSerializer(strict: boolean): FastifySerializerCompiler<unknown> {
  return (route) => {
    const serialise = serializerCompiler(route as Parameters<typeof serializerCompiler>[0])
    if (!strict) return serialise
    return (data) => {
      const json = serialise(data)
      const undeclared = undeclaredPaths(JSON.parse(JSON.stringify(data) ?? 'null'), JSON.parse(json))
      if (undeclared.length > 0)
        throw new Error(
          `${route.method} ${route.url} (${route.httpStatus}) answered with fields its response schema in packages/api-contract does not declare: ${undeclared.join(', ')}`,
        )
      return json
    }
  }
}
