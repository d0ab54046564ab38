import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { evidenceMap, evidenceMarksMap, previousMap } from '../roots.ts'
import { proposeAction, updateAction } from '../write/actions.ts'
import {
  acceptEvidence,
  addEvidence,
  type EvidenceDraft,
  editEvidence,
  markEvidence,
  removeEvidence,
  setEvidenceStatus,
} from '../write/evidence.ts'
import { initBoard, setReviewClosed } from '../write/server.ts'
import { boardShape } from './boardShape.ts'
import { guardUpdate } from './guardUpdate.ts'
import type { Writer } from './writeRules.ts'

const shape = boardShape([
  { id: '1a', itemIds: ['1a.emerging.1', '1a.emerging.2'] },
  { id: '2a', itemIds: ['2a.emerging.1'] },
])

const alice: Writer = { personId: 'alice-01', role: 'participant', documentKind: 'board' }
const bob: Writer = { personId: 'bob-0001', role: 'participant', documentKind: 'board' }
const chair: Writer = { personId: 'chair-01', role: 'chair', documentKind: 'board' }
const peer: Writer = { personId: 'peer-001', role: 'peer-reviewer', documentKind: 'board' }
const observer: Writer = { personId: 'obs-0001', role: 'observer', documentKind: 'board' }

const draft: EvidenceDraft = {
  kind: 'decision',
  title: 'Board minutes, March',
  link: 'https://example.org/minutes.pdf',
  description: '',
  date: '2026-03-01',
  areaId: '1a',
  itemIds: ['1a.emerging.1'],
  shareable: true,
}

function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { assessmentId: 'assess-1', frameworkId: 'cqc-hi-2025', frameworkVersion: '1.0.0' })
  return doc
}

function clientEdit(server: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  edit(client)
  return Y.encodeStateAsUpdate(client, before)
}

/** Applies an allowed edit to the server board and returns what it made (an id, say). */
function allowed<T>(server: Y.Doc, writer: Writer, edit: (client: Y.Doc) => T): T {
  let made: T | undefined
  const update = clientEdit(server, (c) => {
    made = edit(c)
  })
  const verdict = guardUpdate(server, update, writer, shape)
  expect(verdict, JSON.stringify(verdict)).toMatchObject({ allowed: true })
  Y.applyUpdate(server, update)
  return made as T
}

function refused(server: Y.Doc, writer: Writer, edit: (client: Y.Doc) => void, reason: RegExp) {
  const verdict = guardUpdate(server, clientEdit(server, edit), writer, shape)
  expect(verdict.allowed).toBe(false)
  if (!verdict.allowed) expect(verdict.reason).toMatch(reason)
}

describe('evidence write rules', () => {
  it('lets participants and chairs add evidence in their own name, and nobody else', () => {
    const server = serverDoc()
    allowed(server, alice, (c) => addEvidence(c, alice.personId, draft))
    allowed(server, chair, (c) => addEvidence(c, chair.personId, draft))
    refused(server, peer, (c) => addEvidence(c, peer.personId, draft), /peer-reviewer cannot add/)
    refused(
      server,
      observer,
      (c) => addEvidence(c, observer.personId, draft),
      /observer can read but not change/,
    )
    refused(server, alice, (c) => addEvidence(c, bob.personId, draft), /your own name/)
  })

  it("refuses evidence for another framework's areas or another area's items, or with no link and no description", () => {
    const server = serverDoc()
    refused(
      server,
      alice,
      (c) => addEvidence(c, alice.personId, { ...draft, areaId: '9z', itemIds: [] }),
      /areas/,
    )
    refused(
      server,
      alice,
      (c) => addEvidence(c, alice.personId, { ...draft, itemIds: ['2a.emerging.1'] }),
      /its own area/,
    )
    refused(
      server,
      alice,
      (c) => addEvidence(c, alice.personId, { ...draft, link: '', description: ' ' }),
      /link or/,
    )
    refused(
      server,
      alice,
      (c) => addEvidence(c, alice.personId, { ...draft, link: 'javascript:alert(1)' }),
      /https/,
    )
  })

  it('lets the author edit and take back their own evidence, and no other participant', () => {
    const server = serverDoc()
    const id = allowed(server, alice, (c) => addEvidence(c, alice.personId, draft))
    allowed(server, alice, (c) => editEvidence(c, alice.personId, id, { title: 'Board minutes, April' }))
    refused(
      server,
      bob,
      (c) => editEvidence(c, bob.personId, id, { title: 'Mine now' }),
      /evidence you added/,
    )
    refused(server, bob, (c) => removeEvidence(c, bob.personId, id), /person who added/)
    refused(
      server,
      chair,
      (c) => editEvidence(c, chair.personId, id, { title: 'Chair edit' }),
      /person who added/,
    )
    allowed(server, alice, (c) => removeEvidence(c, alice.personId, id))
    expect(evidenceMap(server).has(id)).toBe(false)
  })

  it('lets only the chair accept evidence for a level and retire it', () => {
    const server = serverDoc()
    const id = allowed(server, alice, (c) => addEvidence(c, alice.personId, draft))
    refused(server, alice, (c) => acceptEvidence(c, alice.personId, id, 'developing'), /only a chair marks/)
    refused(
      server,
      alice,
      (c) => setEvidenceStatus(c, alice.personId, id, 'retired'),
      /only a chair confirms/,
    )
    refused(server, chair, (c) => acceptEvidence(c, 'chair-02', id, 'developing'), /your own name/)
    allowed(server, chair, (c) => acceptEvidence(c, chair.personId, id, 'developing'))
    expect(evidenceMap(server).get(id)?.acceptedFor?.level).toBe('developing')
    refused(
      server,
      alice,
      (c) => editEvidence(c, alice.personId, id, { status: 'current', acceptedFor: null } as never),
      /only a chair/,
    )
    allowed(server, alice, (c) =>
      editEvidence(c, alice.personId, id, { description: 'Item 4 agreed the plan' }),
    )
    allowed(server, chair, (c) => setEvidenceStatus(c, chair.personId, id, 'retired'))
    expect(evidenceMap(server).get(id)).toMatchObject({ status: 'retired', acceptedFor: null })
  })

  it('keeps where evidence came from for the server to write', () => {
    const server = serverDoc()
    const id = allowed(server, chair, (c) => addEvidence(c, chair.personId, draft))
    refused(
      server,
      chair,
      (c) => {
        const e = evidenceMap(c).get(id)!
        evidenceMap(c).set(id, {
          ...e,
          carriedFrom: {
            assessmentId: 'old-0001',
            title: 'Then',
            startedAt: '2025-01-01',
            evidenceId: 'ev-00001',
            acceptedLevel: null,
          },
        })
      },
      /only the server/,
    )
  })

  it('lets a peer reviewer mark evidence only in their own name, only while the review is open, and change nothing else', () => {
    const server = serverDoc()
    const id = allowed(server, alice, (c) => addEvidence(c, alice.personId, draft))
    allowed(server, peer, (c) =>
      markEvidence(c, peer.personId, id, { wantToSee: true, comment: 'Please share the minutes' }),
    )
    expect(evidenceMarksMap(server).get(`${peer.personId}/${id}`)?.wantToSee).toBe(true)
    refused(
      server,
      peer,
      (c) => markEvidence(c, 'peer-002', id, { wantToSee: true, comment: '' }),
      /your own marks/,
    )
    refused(
      server,
      peer,
      (c) => markEvidence(c, peer.personId, 'no-such-evidence', { wantToSee: true, comment: '' }),
      /no such evidence/,
    )
    refused(
      server,
      alice,
      (c) => markEvidence(c, alice.personId, id, { wantToSee: true, comment: '' }),
      /only peer reviewers/,
    )
    refused(
      server,
      peer,
      (c) => editEvidence(c, peer.personId, id, { title: 'Reviewed' }),
      /peer-reviewer cannot/,
    )
    refused(
      server,
      observer,
      (c) => markEvidence(c, observer.personId, id, { wantToSee: true, comment: '' }),
      /observer can read but not change/,
    )
    setReviewClosed(server, 1)
    refused(
      server,
      peer,
      (c) => markEvidence(c, peer.personId, id, { wantToSee: false, comment: '' }),
      /closed/,
    )
  })

  it('refuses any client writing the previous assessment’s record', () => {
    const server = serverDoc()
    refused(
      server,
      chair,
      (c) =>
        previousMap(c).set('1a', {
          assessmentId: 'old-0001',
          title: 'Then',
          startedAt: '2025-01-01',
          level: 'thriving',
          rationale: '',
          actions: [],
        }),
      /only the server/,
    )
  })

  it('refuses an action plan aimed at items the framework does not have', () => {
    const server = serverDoc()
    const id = allowed(server, chair, (c) =>
      proposeAction(c, chair.personId, {
        youSaid: 'x',
        raisedBy: [],
        weDid: '',
        owner: '',
        dueDate: null,
        areaIds: ['1a'],
      }),
    )
    const plan = {
      targetItemIds: ['1a.emerging.2'],
      targetLevel: 'developing',
      horizon: 'this-year' as const,
      measure: 'Attendance',
      baseline: '12',
      reviewDate: '2026-09-01',
    }
    allowed(server, chair, (c) => updateAction(c, chair.personId, id, { plan }))
    refused(
      server,
      chair,
      (c) => updateAction(c, chair.personId, id, { plan: { ...plan, targetItemIds: ['9z.emerging.1'] } }),
      /checklist items/,
    )
  })
})
