/** `["phases", 0, "areas", 2, "title"]` → `phases[0].areas[2].title`: the path a person finds in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(the whole file)' : out
}
