/** A piece of output ready to write, or a value still to turn into JSON. */
type Task = { text: string } | { value: unknown }

/**
 * JSON.stringify for plain data, with no recursion on its depth. V8's own JSON.stringify recurses and
 * overflowed the stack on an evidence note nested a few thousand levels deep, so a board the server
 * had accepted could not be exported. Same output as JSON.stringify(value) with no replacer or indent
 * (no indent: it would grow with the square of the depth).
 */
export function stringifyJson(value: unknown): string {
  const out: string[] = []
  const stack: Task[] = [{ value }]
  while (stack.length > 0) {
    const task = stack.pop()!
    if ('text' in task) {
      out.push(task.text)
      continue
    }
    let current = task.value
    if (
      current !== null &&
      typeof current === 'object' &&
      typeof (current as { toJSON?: unknown }).toJSON === 'function'
    )
      current = (current as { toJSON(): unknown }).toJSON()
    if (current === null || typeof current !== 'object') {
      const text = JSON.stringify(current) as string | undefined
      // An array item that JSON cannot hold is null, as JSON.stringify writes it; object members are filtered below.
      out.push(text ?? 'null')
      continue
    }
    if (Array.isArray(current)) {
      stack.push({ text: ']' })
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ value: current[i] })
        if (i > 0) stack.push({ text: ',' })
      }
      out.push('[')
      continue
    }
    const members = Object.entries(current).filter(([, member]) => writes(member))
    stack.push({ text: '}' })
    for (let i = members.length - 1; i >= 0; i--) {
      const [key, member] = members[i]!
      stack.push({ value: member })
      stack.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` })
    }
    out.push('{')
  }
  return out.join('')
}

/** Whether JSON.stringify would write an object member with this value (undefined, functions and symbols it leaves out). */
function writes(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol'
}
