import * as Y from 'yjs'

/** Characters of text and number of blocks in a note as it stands, walked without recursion. */
export function noteSize(fragment: Y.XmlFragment): { characters: number; blocks: number } {
  let characters = 0
  let blocks = 0
  const stack: Y.AbstractType<unknown>[] = [fragment as Y.AbstractType<unknown>]
  while (stack.length > 0) {
    const type = stack.pop()!
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue
      const content = item.content
      if (content instanceof Y.ContentString) characters += content.getLength()
      else if (content instanceof Y.ContentType) {
        if (content.type instanceof Y.XmlElement) blocks++
        stack.push(content.type)
      }
    }
  }
  return { characters, blocks }
}
