import { setTick } from '@co-assess/board-model'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { startTestServer, type TestServer } from '../utils/testServer.ts'

// Small numbers are suppressed in everything that leaves the live board: the chair's own report is
// the record and keeps exact counts, but every CSV travels further (unless the chair asked for the
// named record, which lists who ticked anyway), and so does a comparison.

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

async function write(name: string, change: (doc: Y.Doc) => void) {
  const connection = await t.server.hocuspocus.openDirectConnection(name)
  await connection.transact(change)
  await connection.disconnect()
}

async function csvRows(path: string, token: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  return parse(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true })
}

describe('counts in outputs that travel', () => {
  it("suppress a count of 2 in the chair's CSV, keep it in the named record", async () => {
    const { assessmentId, chair, ics, vcse } = await t.createRoom()
    await write(assessmentId, (doc) => {
      setTick(doc, ics.person.id, '1a.emerging.1', true)
      setTick(doc, vcse.person.id, '1a.emerging.1', true)
    })
    const plain = await csvRows(`/api/assessments/${assessmentId}/report/items.csv`, chair.token)
    expect(plain.find((row) => row.Item === '1a.emerging.1')!.Ticked).toBe('fewer than 3')
    const named = await csvRows(`/api/assessments/${assessmentId}/report/items.csv?names=1`, chair.token)
    expect(named.find((row) => row.Item === '1a.emerging.1')!.Ticked).toBe('2')
  })
})
