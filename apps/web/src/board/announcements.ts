/** Changes made by other people (and confirmations of one's own) worth telling a screen reader user. */
export type BoardEvent =
  | { kind: 'tick'; areaId: string }
  | { kind: 'agreed'; areaId: string; levelLabel: string }
  | { kind: 'focus'; areaId: string | null }
  | { kind: 'blind'; areaId: string }
  | { kind: 'revealed'; areaId: string }
  | { kind: 'anonymous'; areaId: string; running: boolean }
  | { kind: 'session'; running: boolean }
  | { kind: 'timer'; areaId: string; seconds: number }
  | { kind: 'timeUp'; areaId: string }
  /** A confirmation of the person's own action, worded by the caller. */
  | { kind: 'message'; text: string }

/**
 * One short summary of a batch of events, so a busy workshop is heard as "3 new ticks in 1a" every
 * few seconds rather than one message per click.
 */
export function summariseEvents(events: readonly BoardEvent[]): string {
  const ticks = new Map<string, number>()
  const sentences: string[] = []
  const add = (sentence: string) => {
    if (!sentences.includes(sentence)) sentences.push(sentence)
  }
  for (const event of events) {
    if (event.kind === 'tick') ticks.set(event.areaId, (ticks.get(event.areaId) ?? 0) + 1)
  }
  const tickText = [...ticks.entries()].map(([area, n]) => `${n} new tick${n === 1 ? '' : 's'} in ${area}`)
  if (tickText.length > 0) add(`${tickText.join(', ')}.`)
  for (const event of events) {
    switch (event.kind) {
      case 'agreed':
        add(`The chair recorded ${event.levelLabel} for ${event.areaId}.`)
        break
      case 'focus':
        add(
          event.areaId
            ? `The chair brought everyone to ${event.areaId}.`
            : 'The chair let everyone move freely.',
        )
        break
      case 'blind':
        add(`Blind round started on ${event.areaId}.`)
        break
      case 'anonymous':
        add(
          event.running
            ? `Anonymous round started on ${event.areaId}: the room sees how many in each group ticked, not who.`
            : `Anonymous round ended on ${event.areaId}. Its counts stay as the area’s record.`,
        )
        break
      case 'revealed':
        add(`Ticks revealed on ${event.areaId}.`)
        break
      case 'session':
        add(event.running ? 'The session has started.' : 'The session has ended.')
        break
      case 'timer':
        add(`A ${timerLength(event.seconds)} timer started on ${event.areaId}.`)
        break
      case 'timeUp':
        add(`Time is up for ${event.areaId}.`)
        break
      case 'message':
        add(event.text)
        break
      case 'tick':
        break
    }
  }
  return sentences.join(' ')
}

/** "10 minute", "30 second", "1 minute 30 second": the length as it reads before "timer". */
export function timerLength(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return [m > 0 ? `${m} minute` : '', s > 0 ? `${s} second` : ''].filter(Boolean).join(' ') || '0 second'
}
