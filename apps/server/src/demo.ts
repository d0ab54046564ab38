import {
  type Person,
  recordAgreedLevel,
  type StakeholderGroup,
  setTick,
  upsertPerson,
} from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import type { MetadataStore } from '@co-assess/storage'
import type { Hocuspocus } from '@hocuspocus/server'
import { createAssessment } from './assessments/createAssessment.ts'
import { createInvite } from './assessments/createInvite.ts'
import { personColour } from './assessments/personColour.ts'
import { serverWrite } from './sync/serverWrite.ts'

const DEMO_TITLE = 'Demo: Anytown ICS engagement self-assessment'

/** Sample people whose ticks show how the board splits views by stakeholder group. */
const SAMPLE_PEOPLE: Array<{ id: string; name: string; organisation: string; group: StakeholderGroup }> = [
  { id: 'demo-priya', name: 'Priya (sample)', organisation: 'Anytown ICB', group: 'ics' },
  { id: 'demo-tom', name: 'Tom (sample)', organisation: 'Anytown Council', group: 'ics' },
  { id: 'demo-grace', name: 'Grace (sample)', organisation: 'Anytown Carers Network', group: 'vcse' },
  { id: 'demo-sam', name: 'Sam (sample)', organisation: 'Community voice', group: 'lived-experience' },
]

/**
 * Makes (once) a demo assessment with a few sample ticks in the first phase, and returns fresh
 * invite links for a chair and a participant, so a new user sees a board that already has life in it.
 */
export async function ensureDemo(deps: {
  metadata: MetadataStore
  hocuspocus: Hocuspocus
  flush: (name: string) => Promise<void>
  framework: Framework
}): Promise<{ assessmentId: string; chairPath: string; participantPath: string; created: boolean }> {
  const existing = (await deps.metadata.listAssessments()).find((a) => a.title === DEMO_TITLE)
  let assessmentId = existing?.id
  let created = false
  if (!assessmentId) {
    const made = await createAssessment(deps, deps.framework, {
      title: DEMO_TITLE,
      frameworkId: deps.framework.id,
      scope: 'strategic',
      workstream: 'Community engagement on health inequalities',
    })
    assessmentId = made.assessment.id
    created = true
    const firstPhase = deps.framework.phases[0]
    await serverWrite(deps.hocuspocus, assessmentId, (doc) => {
      SAMPLE_PEOPLE.forEach((sample, index) => {
        const person: Person = {
          ...sample,
          role: 'participant',
          colour: personColour(index + 1),
          joinedAt: Date.now(),
        }
        upsertPerson(doc, person)
      })
      for (const area of firstPhase?.areas.slice(0, 2) ?? []) {
        for (const level of area.levels.slice(0, 2)) {
          level.items.forEach((item, itemIndex) => {
            // ICS staff tick more than community members: the split the board is built to show.
            for (const [personIndex, sample] of SAMPLE_PEOPLE.entries()) {
              const ticks = sample.group === 'ics' ? itemIndex % 3 !== 2 : (itemIndex + personIndex) % 3 === 0
              setTick(doc, sample.id, item.id, ticks)
            }
          })
        }
      }
      const firstArea = firstPhase?.areas[0]
      if (firstArea) {
        recordAgreedLevel(doc, 'demo-priya', firstArea.id, {
          level: firstArea.levels[0]?.level ?? 'emerging',
          rationale:
            'Sample: data on who uses services exists, but partners have not yet helped to interpret it.',
          dissent: 'Sample: VCSE partners felt some groups are missing from the data.',
          sessionId: null,
        })
      }
    })
    await deps.flush(assessmentId)
  }
  const chair = await createInvite(deps.metadata, {
    assessmentId,
    role: 'chair',
    expiresInDays: 7,
    createdBy: null,
  })
  const participant = await createInvite(deps.metadata, {
    assessmentId,
    role: 'participant',
    expiresInDays: 7,
    createdBy: null,
  })
  return { assessmentId, chairPath: chair.path, participantPath: participant.path, created }
}
