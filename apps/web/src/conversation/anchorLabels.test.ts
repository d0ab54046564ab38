import { describe, expect, it } from 'vitest'
import { anchorLabel, shortenAtWord } from './anchorLabels.ts'

const expenses =
  "Develop policies to cover participants' expenses, such as travel, childcare and loss of earnings"

describe('shortenAtWord', () => {
  it('cuts at the end of a word, with an ellipsis', () => {
    expect(shortenAtWord(expenses, 70)).toBe(
      "Develop policies to cover participants' expenses, such as travel…",
    )
  })

  it('leaves text that fits alone', () => {
    expect(shortenAtWord('Short item', 70)).toBe('Short item')
  })

  it('cuts a single long word where it must', () => {
    expect(shortenAtWord('a'.repeat(20), 10)).toBe(`${'a'.repeat(10)}…`)
  })
})

describe('anchorLabel', () => {
  it('names the level and gives the item in full, with no id', () => {
    const label = anchorLabel(
      { areaId: '1c', itemId: '1c.emerging.3' },
      { levelLabel: 'Emerging', text: expenses },
      'Involve',
    )
    expect(label).toBe(`On an item under Emerging: ${expenses}`)
    expect(label).not.toContain('1c.emerging.3')
  })

  it('names the area for a comment on it as a whole', () => {
    expect(anchorLabel({ areaId: '1c', itemId: null }, undefined, 'Resourcing engagement')).toBe(
      'On the area as a whole: Resourcing engagement',
    )
  })
})
