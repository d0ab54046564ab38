import type { z } from 'zod'

/** Turns one zod issue into words for a person editing a JSON file, who knows JSON, not zod. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is missing (expected ${nameOf(issue.expected)})`
        : `expected ${nameOf(issue.expected)}, but found ${describeValue(issue.input)}`
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} the format does not know: ${issue.keys
        .map((k) => `"${k}"`)
        .join(', ')} (check the spelling)`
    default:
      return issue.message
  }
}

function nameOf(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text'
    case 'object':
      return 'an object ({ … })'
    case 'array':
      return 'a list ([ … ])'
    case 'number':
      return 'a number'
    case 'boolean':
      return 'true or false'
    default:
      return expected
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string':
      return `text (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`
    case 'number':
      return `a number (${value})`
    case 'boolean':
      return `${value}`
    case 'object':
      return 'an object'
    default:
      return typeof value
  }
}
