/**
 * Caret and presence colours, all dark enough for white text and for 3:1 against a white page
 * (WCAG 1.4.11), taken from the NHS.UK palette and its neighbours.
 */
const PALETTE = [
  '#005eb8',
  '#007f3b',
  '#330072',
  '#7c2855',
  '#d5281b',
  '#00403e',
  '#8a1538',
  '#41475e',
  '#003087',
  '#6b4c00',
]

export function personColour(index: number): string {
  return PALETTE[index % PALETTE.length]!
}
