import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, type OidcTestProvider, startOidcTestProvider } from '../utils/oidcTestProvider.ts'
import { StaffBrowser } from '../utils/staffBrowser.ts'
import { ADMIN_KEY, startTestServer, type TestServer } from '../utils/testServer.ts'

// Staff sign in through a real OpenID Connect provider started here (oidc-provider), never a mock:
// the board sends the browser to it, its login and consent pages are filled in, and it sends the
// browser back with a code the board exchanges and checks with openid-client.
let t: TestServer
let provider: OidcTestProvider
let north: { id: string }
let south: { id: string }

beforeAll(async () => {
  const port = await freePort()
  const redirectUri = `http://127.0.0.1:${port}/api/staff/callback`
  provider = await startOidcTestProvider({
    redirectUri,
    names: { aisha: 'Aisha Khan', sam: 'Sam Jones', mo: 'Mo Patel' },
  })
  t = await startTestServer({
    PORT: String(port),
    CO_ASSESS_OIDC_ISSUER: provider.issuer,
    CO_ASSESS_OIDC_CLIENT_ID: provider.clientId,
    CO_ASSESS_OIDC_CLIENT_SECRET: provider.clientSecret,
    CO_ASSESS_OIDC_REDIRECT_URL: redirectUri,
  })
  const made = async (name: string, places: string[]) => {
    const response = await t.api('/api/organisations', { token: ADMIN_KEY, body: { name, places } })
    expect(response.status).toBe(201)
    return response.body as { id: string }
  }
  north = await made('North Loamshire ICS', ['Eastbridge', 'Westholm'])
  south = await made('South Loamshire ICS', ['Southport'])
})
afterAll(async () => {
  await t?.stop()
  await provider?.stop()
})

async function staffLink(organisationId: string, role: 'administrator' | 'lead' | 'member') {
  const response = await t.api(`/api/organisations/${organisationId}/staff-invites`, {
    token: ADMIN_KEY,
    body: { role },
  })
  expect(response.status).toBe(201)
  return response.body.token as string
}

/** A new browser that signs in through the provider as `login`, with a staff link if given. */
async function signedIn(login: string, link?: string) {
  const browser = new StaffBrowser()
  const start = `${t.baseUrl}/api/staff/sign-in${link ? `?invite=${link}` : ''}`
  const landed = await browser.signIn(start, login, t.baseUrl)
  return { browser, landed }
}

const scoped = {
  title: 'Engaging communities, spring',
  frameworkId: 'cqc-hi-2025',
  workstream: 'Mental health',
  place: 'Eastbridge',
  areaIds: ['1b', '1a'],
  scope: 'operational',
  horizon: 'looking-back',
  sessionDates: ['2099-05-01', '2099-04-01'],
}

describe('staff sign-in through a real OpenID Connect provider', () => {
  let lead: StaffBrowser
  let northAssessment: string

  it('a staff link and the provider make a lead; signing in again finds the same person', async () => {
    const link = await staffLink(north.id, 'lead')
    const first = await signedIn('aisha', link)
    expect(first.landed).toBe(`${t.baseUrl}/staff`)
    lead = first.browser
    const me = await lead.api(`${t.baseUrl}/api/staff/me`)
    expect(me.status).toBe(200)
    expect(me.body.staff).toMatchObject({ name: 'Aisha Khan', role: 'lead', organisationId: north.id })
    expect(me.body.organisation.name).toBe('North Loamshire ICS')
    // The session is an httpOnly, SameSite=Lax cookie.
    const again = await signedIn('aisha')
    expect(again.landed).toBe(`${t.baseUrl}/staff`)
    expect((await again.browser.api(`${t.baseUrl}/api/staff/me`)).body.staff.id).toBe(me.body.staff.id)
    // The link was used once, by her.
    const reused = await signedIn('mo', link)
    expect(reused.landed).toBe(`${t.baseUrl}/staff?problem=link-used`)
  })

  it('someone the provider knows but nobody invited gets no session', async () => {
    const stranger = await signedIn('stranger')
    expect(stranger.landed).toBe(`${t.baseUrl}/staff?problem=not-invited`)
    expect((await stranger.browser.api(`${t.baseUrl}/api/staff/me`)).status).toBe(401)
  })

  it('sets the cookie httpOnly and SameSite=Lax, and refuses a forged one', async () => {
    const browser = new StaffBrowser()
    const start = await browser.request(`${t.baseUrl}/api/staff/sign-in`)
    expect(start.status).toBe(302)
    expect(new URL(start.headers.get('location')!).origin).toBe(provider.issuer)
    const pending = start.headers.getSetCookie().join('\n')
    expect(pending).toMatch(/HttpOnly/)
    expect(pending).toMatch(/SameSite=Lax/)
    const forged = await fetch(`${t.baseUrl}/api/staff/me`, {
      headers: { cookie: 'co_assess_staff=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwidHlwIjoic3RhZmYifQ.bad' },
    })
    expect(forged.status).toBe(401)
    // A name alone does not make staff where a provider is set up.
    const byName = await t.api(`/api/staff/join/${await staffLink(north.id, 'lead')}`, {
      body: { name: 'Eve' },
    })
    expect(byName.status).toBe(400)
  })

  it('a lead sets up a scoped assessment and is its chair without joining again', async () => {
    const made = await lead.api(`${t.baseUrl}/api/organisations/${north.id}/assessments`, scoped)
    expect(made.status).toBe(201)
    northAssessment = made.body.assessment.id
    expect(made.body.assessment).toMatchObject({
      organisationId: north.id,
      plan: {
        place: 'Eastbridge',
        areaIds: ['1a', '1b'],
        horizon: 'looking-back',
        sessionDates: ['2099-04-01', '2099-05-01'],
      },
    })
    expect(made.body.chair.person).toMatchObject({ name: 'Aisha Khan', role: 'chair', group: null })
    const board = await t.api(`/api/assessments/${northAssessment}`, { token: made.body.chair.token })
    expect(board.status).toBe(200)
    expect(board.body.assessment.plan.areaIds).toEqual(['1a', '1b'])
    // Opening it as chair again, she is the same person on the board, not a second one.
    const reopened = await lead.api(`${t.baseUrl}/api/staff/assessments/${northAssessment}/chair`, {})
    expect(reopened.status).toBe(201)
    expect(reopened.body.person.id).toBe(made.body.chair.person.id)
    const people = await t.api(`/api/assessments/${northAssessment}`, { token: reopened.body.token })
    expect(people.body.participants.filter((p: { role: string }) => p.role === 'chair')).toHaveLength(1)
    // As chair she invites someone, with the token she was given.
    expect(await t.invite(northAssessment, made.body.chair.token, 'participant')).toMatch(/^[\w-]{32}$/)

    const list = await lead.api(`${t.baseUrl}/api/organisations/${north.id}/assessments`)
    expect(list.status).toBe(200)
    expect(list.body.assessments).toHaveLength(1)
    expect(list.body.assessments[0]).toMatchObject({
      id: northAssessment,
      place: 'Eastbridge',
      standing: { areasInScope: 2, areasAgreed: 0, openActions: 0, notFedBack: 0, nextSession: '2099-04-01' },
    })
  })

  it('refuses bad set-ups with a message a person can act on', async () => {
    const tryIt = (change: Record<string, unknown>) =>
      lead.api(`${t.baseUrl}/api/organisations/${north.id}/assessments`, { ...scoped, ...change })
    expect((await tryIt({ areaIds: [] })).body.message).toMatch(/at least one area/)
    expect((await tryIt({ areaIds: ['9z'] })).body.message).toMatch(/no area 9z/)
    expect((await tryIt({ place: 'Southport' })).body.message).toMatch(/no Place called "Southport"/)
    expect((await tryIt({ sessionDates: ['next week'] })).status).toBe(400)
  })

  it('a lead re-assesses: same scope and organisation, and chairs the new board', async () => {
    const again = await lead.api(`${t.baseUrl}/api/staff/assessments/${northAssessment}/reassess`, {})
    expect(again.status).toBe(201)
    expect(again.body.assessment).toMatchObject({
      organisationId: north.id,
      previousAssessmentId: northAssessment,
      plan: { areaIds: ['1a', '1b'] },
    })
    expect(again.body.chair.person.role).toBe('chair')
    const places = await lead.api(`${t.baseUrl}/api/organisations/${north.id}/places`)
    expect(places.body.frameworks).toHaveLength(1)
    // The latest assessment of each Place stands for it in the roll-up.
    expect(places.body.frameworks[0].places).toMatchObject([
      { place: 'Eastbridge', assessmentId: again.body.assessment.id, levels: {} },
    ])
    const history = await lead.api(`${t.baseUrl}/api/organisations/${north.id}/history`)
    expect(history.body.workstreams).toHaveLength(1)
    expect(history.body.workstreams[0].assessments).toHaveLength(2)
  })

  it("a lead of one organisation can never see or change another's assessments", async () => {
    const southLead = (await signedIn('sam', await staffLink(south.id, 'lead'))).browser
    const base = t.baseUrl
    const refused = [
      await southLead.api(`${base}/api/organisations/${north.id}/assessments`),
      await southLead.api(`${base}/api/organisations/${north.id}/history`),
      await southLead.api(`${base}/api/organisations/${north.id}/places`),
      await southLead.api(`${base}/api/organisations/${north.id}/assessments`, scoped),
      await southLead.api(`${base}/api/staff/assessments/${northAssessment}/chair`, {}),
      await southLead.api(`${base}/api/staff/assessments/${northAssessment}/reassess`, {}),
      await southLead.api(`${base}/api/organisations/${north.id}/staff-invites`, { role: 'lead' }),
      await southLead.api(`${base}/api/organisations/${north.id}`, { name: 'Mine', places: [] }, 'PUT'),
    ]
    // The same answer as for something that does not exist: they cannot even learn it is there.
    expect(refused.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404])
    const own = await southLead.api(`${base}/api/organisations/${south.id}/assessments`)
    expect(own.status).toBe(200)
    expect(own.body.assessments).toEqual([])
    // Nor with no session at all.
    expect((await t.api(`/api/organisations/${north.id}/assessments`)).status).toBe(401)
  })

  it('a member reads the home but sets nothing up; only an administrator invites staff', async () => {
    const member = (await signedIn('mo', await staffLink(north.id, 'member'))).browser
    const base = `${t.baseUrl}/api/organisations/${north.id}`
    expect((await member.api(`${base}/assessments`)).status).toBe(200)
    const create = await member.api(`${base}/assessments`, scoped)
    expect(create.status).toBe(403)
    expect(create.body.message).toMatch(/engagement lead/)
    expect((await member.api(`${t.baseUrl}/api/staff/assessments/${northAssessment}/chair`, {})).status).toBe(
      403,
    )
    expect((await lead.api(`${base}/staff-invites`, { role: 'lead' })).status).toBe(403)
  })

  it('describes every staff and organisation route in OpenAPI', async () => {
    const spec = await t.api('/api/openapi.json')
    const paths = spec.body.paths as Record<string, Record<string, { summary?: string }>>
    for (const path of [
      '/api/staff/sign-in',
      '/api/staff/callback',
      '/api/staff/join/{token}',
      '/api/staff/me',
      '/api/organisations',
      '/api/organisations/{organisationId}/assessments',
      '/api/organisations/{organisationId}/history',
      '/api/organisations/{organisationId}/places',
      '/api/organisations/{organisationId}/staff-invites',
      '/api/staff/assessments/{assessmentId}/chair',
      '/api/staff/assessments/{assessmentId}/reassess',
    ]) {
      expect(Object.keys(paths)).toContain(path)
      for (const operation of Object.values(paths[path]!)) expect(operation.summary).toBeTruthy()
    }
  })

  it('the admin key still creates assessments for automation, in the default organisation', async () => {
    const { assessmentId } = await t.createAssessment()
    const record = await t.server.storage.metadata.getAssessment(assessmentId)
    expect(record?.organisationId).toBe('default-organisation')
    const body = { title: 'Scripted', frameworkId: 'cqc-hi-2025', scope: 'strategic', workstream: 'Scripts' }
    const forSouth = await t.api('/api/assessments', {
      token: ADMIN_KEY,
      body: { ...body, organisationId: south.id },
    })
    expect(forSouth.body.assessment.organisationId).toBe(south.id)
    const nowhere = await t.api('/api/assessments', {
      token: ADMIN_KEY,
      body: { ...body, organisationId: 'no-such-org' },
    })
    expect(nowhere.status).toBe(400)
  })
})

describe('staff with no provider configured', () => {
  let plain: TestServer
  beforeAll(async () => {
    plain = await startTestServer()
  })
  afterAll(async () => {
    await plain?.stop()
  })

  it('the first start’s set-up link makes the first administrator, who invites a lead by link', async () => {
    const setup = plain.server.setupLinkToPrint
    expect(setup).toMatch(/^\/staff\/join\/[\w-]{32}$/)
    const token = setup!.split('/').pop()!
    const about = await plain.api(`/api/staff/join/${token}`)
    expect(about.body).toEqual({
      organisation: { name: 'Our organisation' },
      role: 'administrator',
      provider: false,
    })
    const admin = new StaffBrowser()
    const made = await admin.api(`${plain.baseUrl}/api/staff/join/${token}`, { name: 'Ada Admin' })
    expect(made.status).toBe(201)
    const me = await admin.api(`${plain.baseUrl}/api/staff/me`)
    expect(me.body.staff).toMatchObject({ name: 'Ada Admin', role: 'administrator' })
    expect((await plain.api(`/api/staff/join/${token}`)).status).toBe(410)

    const orgId = me.body.organisation.id
    const renamed = await admin.api(
      `${plain.baseUrl}/api/organisations/${orgId}`,
      { name: 'West Loamshire ICS', places: ['Riverside'] },
      'PUT',
    )
    expect(renamed.body).toMatchObject({ name: 'West Loamshire ICS', places: ['Riverside'] })
    const link = await admin.api(`${plain.baseUrl}/api/organisations/${orgId}/staff-invites`, {
      role: 'lead',
    })
    expect(link.status).toBe(201)
    const lead = new StaffBrowser()
    expect(
      (await lead.api(`${plain.baseUrl}/api/staff/join/${link.body.token}`, { name: 'Lee Lead' })).status,
    ).toBe(201)
    expect((await lead.api(`${plain.baseUrl}/api/staff/me`)).body.staff.role).toBe('lead')
    // Signing out ends the session on that browser.
    expect((await lead.api(`${plain.baseUrl}/api/staff/sign-out`, undefined, 'POST')).status).toBe(204)
    expect((await lead.api(`${plain.baseUrl}/api/staff/me`)).status).toBe(401)
  })
})
