import type { APIRequestContext, Browser } from '@playwright/test'
import { createAssessment, createInvite, firstFramework } from './api.ts'
import { type Group, joinAs, type Person, storedToken } from './people.ts'

type Who = { name: string; organisation: string; group: Group }

/**
 * The start of most workshop tests: a new assessment on the first framework, its chair joined from
 * the chair link, and one participant joined from an invite the chair made.
 */
export async function chairAndParticipant(
  browser: Browser,
  request: APIRequestContext,
  title: string,
  people: { chair: Who; participant: Who },
) {
  const framework = await firstFramework(request)
  const { assessmentId, chairInvite } = await createAssessment(request, title, framework.id)
  const chair: Person = await joinAs(browser, chairInvite.path, people.chair)
  const chairToken = await storedToken(chair.page, assessmentId)
  const invite = await createInvite(request, assessmentId, chairToken, 'participant')
  const participant: Person = await joinAs(browser, invite.path, people.participant)
  return { framework, assessmentId, chairToken, chair, participant }
}
