import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_GROUPS } from '../groups.ts'
import { SCHEMA_VERSION } from '../records/meta.ts'
import { metaMap, peopleMap, ROOTS } from '../roots.ts'
import { initBoard } from '../write/server.ts'
import { MIGRATIONS, migrateBoard } from './migrateBoard.ts'
import { withoutPlaceholder } from './v2GroupsAndOrganisations.ts'

/** The fixture: a board exactly as version 1 of the code stored it. */
function boardV1(): Y.Doc {
  const fixture = JSON.parse(
    readFileSync(new URL('../../test/fixtures/board-v1.json', import.meta.url), 'utf8'),
  ) as { schemaVersion: number; update: string }
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Buffer.from(fixture.update, 'base64'))
  expect(metaMap(doc).get('schemaVersion')).toBe(fixture.schemaVersion)
  return doc
}

/** Every root but the ones a step is allowed to change, as JSON, to show a step touched nothing else. */
function untouched(doc: Y.Doc, changed: string[]): unknown {
  return Object.fromEntries(
    Object.values(ROOTS)
      .filter((root) => !changed.includes(root))
      .map((root) => [root, doc.getMap(root).toJSON()]),
  )
}

describe('the list of migrations', () => {
  it('numbers its steps one after another, ending at the version this code writes', () => {
    expect(MIGRATIONS.map((step) => step.to)).toEqual(
      Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 2),
    )
  })
})

describe('version 1 → 2: groups on the board, no placeholder organisations', () => {
  it('writes the default groups and clears placeholders, and changes nothing else', () => {
    const doc = boardV1()
    expect(metaMap(doc).get('groups')).toBeUndefined()
    const before = untouched(doc, [ROOTS.meta, ROOTS.people])
    expect(migrateBoard(doc)).toMatchObject({ kind: 'migrated', from: 1, to: 2 })
    expect(metaMap(doc).get('schemaVersion')).toBe(2)
    expect(metaMap(doc).get('groups')).toEqual(DEFAULT_GROUPS)
    const organisations = Object.fromEntries(
      [...peopleMap(doc).values()].map((person) => [person.name, person.organisation]),
    )
    expect(organisations).toEqual({
      'Asha Patel': 'North ICB',
      'Maria Lopez': '',
      'Tom Reid': '',
      'Jo Khan': 'Riverside PCN',
      'Sam Ode': '',
    })
    expect(untouched(doc, [ROOTS.meta, ROOTS.people])).toEqual(before)
  })

  it('keeps groups a board already has', () => {
    const doc = boardV1()
    const own = [{ id: 'carers', label: 'Carers' }]
    metaMap(doc).set('groups', own)
    migrateBoard(doc)
    expect(metaMap(doc).get('groups')).toEqual(own)
  })

  it('runs once: a migrated board is current, and two servers migrating at once agree', () => {
    const first = boardV1()
    const second = boardV1()
    migrateBoard(first)
    migrateBoard(second)
    Y.applyUpdate(first, Y.encodeStateAsUpdate(second))
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
    expect(first.getMap(ROOTS.meta).toJSON()).toEqual(second.getMap(ROOTS.meta).toJSON())
    expect(first.getMap(ROOTS.people).toJSON()).toEqual(second.getMap(ROOTS.people).toJSON())
    expect(migrateBoard(first)).toEqual({ kind: 'current', version: 2 })
  })

  it.each([
    ['none', ''],
    [' N/A ', ''],
    ['n.a.', ''],
    ['-', ''],
    ['Not applicable', ''],
    ['No organisation', ''],
    ['NHS North', 'NHS North'],
    ['None of the above Trust', 'None of the above Trust'],
    ['Age UK', 'Age UK'],
  ])('reads the organisation %j as %j', (typed, kept) => {
    expect(withoutPlaceholder(typed)).toBe(kept)
  })
})

describe('migrateBoard', () => {
  it('leaves a board made by this code as it is', () => {
    const doc = new Y.Doc()
    initBoard(doc, { assessmentId: 'current-board', frameworkId: 'cqc', frameworkVersion: '1' })
    const state = Y.encodeStateVector(doc)
    expect(migrateBoard(doc)).toEqual({ kind: 'current', version: SCHEMA_VERSION })
    expect(Y.encodeStateVector(doc)).toEqual(state)
  })

  it('never downgrades a board written by newer code', () => {
    const doc = boardV1()
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    expect(migrateBoard(doc)).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 1 })
    expect(metaMap(doc).get('groups')).toBeUndefined()
  })

  it('does nothing to a document that is not a board', () => {
    const doc = new Y.Doc()
    expect(migrateBoard(doc)).toEqual({ kind: 'not-a-board' })
    expect(doc.share.size).toBe(1)
  })
})
