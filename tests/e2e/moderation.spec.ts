import { expect, type Page, test } from '@playwright/test'
import { createInvite } from './support/api.ts'
import { expectNoViolations } from './support/axe.ts'
import { joinAs } from './support/people.ts'
import { chairAndParticipant } from './support/room.ts'

const HURTFUL = 'Everyone at Northgate trust is lazy and useless'
const REASON = 'Unkind to a partner organisation'

/** The comments this browser's copy of the board holds, as JSON: what it was sent, not what it shows. */
async function boardComments(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hooks = (globalThis as Record<string, unknown>).__coAssess as
      | { doc: { getMap(name: string): { toJSON(): unknown } } }
      | undefined
    if (!hooks) throw new Error('Test hooks are not on this page')
    return JSON.stringify(hooks.doc.getMap('comments').toJSON())
  })
}

test('the chair hides a hurtful comment with a reason, everyone sees only the reason, and the chair shows it again', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  const { framework, assessmentId, chairToken, chair, participant } = await chairAndParticipant(
    browser,
    request,
    'Moderation',
    {
      chair: { name: 'Pam Chair', organisation: 'Leeds ICB', group: 'ics' },
      participant: { name: 'Vic Vcse', organisation: 'Leeds Community Voices', group: 'vcse' },
    },
  )
  const vic = participant
  const ivy = await joinAs(
    browser,
    (await createInvite(request, assessmentId, chairToken, 'participant')).path,
    {
      name: 'Ivy Ics',
      organisation: 'Leeds Teaching Hospitals',
      group: 'ics',
    },
  )
  const area = framework.phases[0]!.areas[0]!
  const areaPath = `/a/${assessmentId}/areas/${area.id}`
  await Promise.all([chair, vic, ivy].map((p) => p.page.goto(areaPath)))

  await test.step('Vic posts a comment; everyone sees it; Ivy may not hide it or make it her action', async () => {
    await vic.page.getByRole('textbox', { name: 'Your comment' }).click()
    await vic.page.keyboard.type(HURTFUL)
    await vic.page.getByRole('button', { name: 'Add comment' }).click()
    for (const p of [chair, vic, ivy])
      await expect(p.page.getByTestId('comment').first()).toContainText(HURTFUL)
    const ivysView = ivy.page.getByTestId('comment').filter({ hasText: HURTFUL })
    await expect(ivysView.getByRole('button', { name: 'Hide this comment' })).toHaveCount(0)
    await expect(ivysView.getByRole('button', { name: 'Make this a proposed action' })).toHaveCount(0)
    await expect(
      vic.page
        .getByTestId('comment')
        .filter({ hasText: HURTFUL })
        .getByRole('button', { name: 'Hide this comment' }),
    ).toHaveCount(0)
  })

  const chairsView = chair.page.getByTestId('comment').first()
  // The chair's voice balance: Vic's comment counts for the VCSE group only while it is not hidden.
  const vcseComments = chair.page.getByTestId('voice-table').locator('tr[data-group="vcse"] td').nth(3)
  await expect(vcseComments).toHaveText('Comments 1 (100%)')
  await test.step('the chair is asked why, and cannot hide it without a reason', async () => {
    await chairsView.getByRole('button', { name: 'Hide this comment' }).click()
    const reason = chairsView.getByRole('textbox', { name: 'Why you are hiding this comment' })
    await expect(reason).toBeFocused()
    await expect(chairsView).toContainText(
      'Everyone will see “Hidden by the chair:” and these words in its place',
    )
    await expectNoViolations(chair.page, 'the hide form')
    await chairsView.getByRole('button', { name: 'Hide the comment' }).click()
    await expect(reason).toBeFocused()
    await expect(reason).toHaveAccessibleDescription(/Error:\s+Write why you are hiding this comment/)
    await expectNoViolations(chair.page, 'the hide form showing an error')
    await reason.fill(REASON)
    await chairsView.getByRole('button', { name: 'Hide the comment' }).click()
  })

  await test.step('everyone, Vic included, sees only the reason, and no browser holds the words any more', async () => {
    for (const p of [chair, vic, ivy]) {
      const shown = p.page.getByTestId('comment').first()
      await expect(shown.getByTestId('comment-hidden')).toContainText(`Hidden by the chair: ${REASON}`)
      await expect(p.page.getByTestId('area-conversation')).not.toContainText(HURTFUL)
      await expect.poll(() => boardComments(p.page)).not.toContain(HURTFUL)
    }
    const vicsView = vic.page.getByTestId('comment').first()
    await expect(vicsView.getByRole('button', { name: /^Edit/ })).toHaveCount(0)
    await expect(vicsView.getByRole('button', { name: /^Delete/ })).toHaveCount(0)
    await expect(vicsView.getByRole('button', { name: 'Make this a proposed action' })).toHaveCount(0)
    await expect(chairsView.getByRole('button', { name: 'Show this comment again' })).toBeFocused()
    await expect(vcseComments).toHaveText('Comments 0')
    await expectNoViolations(ivy.page, 'a hidden comment, as a participant sees it')
    await expectNoViolations(chair.page, 'a hidden comment, as the chair sees it')
  })

  await test.step('a browser opening the board afresh is never sent the words', async () => {
    await ivy.page.reload()
    await expect(ivy.page.getByTestId('comment-hidden')).toContainText(REASON)
    expect(await boardComments(ivy.page)).not.toContain(HURTFUL)
  })

  await test.step('the chair shows it again, and everyone sees the words', async () => {
    await chairsView.getByRole('button', { name: 'Show this comment again' }).click()
    for (const p of [chair, vic, ivy]) {
      await expect(p.page.getByTestId('comment').first()).toContainText(HURTFUL)
      await expect(p.page.getByTestId('comment-hidden')).toHaveCount(0)
    }
    await expect(chairsView.getByRole('button', { name: 'Hide this comment' })).toBeFocused()
    await expect(vcseComments).toHaveText('Comments 1 (100%)')
  })
  for (const p of [chair, vic, ivy]) await p.context.close()
})
