/**
 * Whether so many keys changed at once that the board is better read again whole: more than a few
 * hundred, and more than a quarter of the board's ticks.
 */
export function isBulk(changedKeys: number, boardTicks: number): boolean {
  return changedKeys > 256 && changedKeys * 4 > boardTicks
}
