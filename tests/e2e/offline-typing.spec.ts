import { expect, test } from '@playwright/test'
import { goOffline } from './support/people.ts'
import { chairAndParticipant } from './support/room.ts'

/** The connection's generation: it goes up when a provider is replaced (the reconnection after a drop). */
function generation(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => {
    const hooks = (globalThis as Record<string, unknown>).__coAssess as { snapshot: { generation: number } }
    return hooks.snapshot.generation
  })
}

// A person writing evidence notes when the wifi goes keeps writing. The board tries to reconnect a
// second after a drop, with a new connection; the notes editor once rebuilt itself for it, so the
// person's cursor left the notes and whatever they typed next went nowhere (found under load, when a
// reconnection attempt fell in the middle of a sentence typed offline).
test('typing in the notes goes on, cursor and words kept, while the board reconnects after a drop', async ({
  browser,
  request,
}) => {
  const { framework, assessmentId, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Writing through a dropped connection',
    {
      chair: { name: 'Chloe Chair', organisation: 'Humber ICB', group: 'ics' },
      participant: { name: 'Wes Writer', organisation: 'Hull CVS', group: 'vcse' },
    },
  )
  const area = framework.phases[0]!.areas[0]!
  await participant.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  await expect(participant.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  const notes = participant.page.getByRole('textbox', { name: /Evidence notes/ })
  await notes.click()
  await participant.page.keyboard.type('Our forum meets monthly.')

  const before = await generation(participant.page)
  await goOffline(participant)
  // The reconnection attempt has happened (and failed: the browser is offline) once the generation moves.
  await expect.poll(() => generation(participant.page)).toBeGreaterThan(before)
  await expect(notes).toBeFocused()
  await participant.page.keyboard.type(' Minutes go to the board.')
  await expect(notes).toHaveText('Our forum meets monthly. Minutes go to the board.')

  await participant.context.setOffline(false)
  await expect(participant.page.getByTestId('sync-state')).toHaveAttribute('data-sync', 'saved')
  await chair.page.goto(`/a/${assessmentId}/areas/${area.id}`)
  // Contains, not equals: the writer's caret, with their name beside it, sits in the chair's copy.
  await expect(chair.page.getByTestId('notes')).toContainText(
    'Our forum meets monthly. Minutes go to the board.',
  )
  // The person is back in "people here" for the chair after the new connection.
  await expect(chair.page.getByTestId('presence-list')).toContainText('Wes Writer')
  for (const person of [chair, participant]) await person.context.close()
})
