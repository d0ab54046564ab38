import { noteFragment } from '@co-assess/board-model'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ADMIN_KEY, startTestServer, type TestServer } from '../utils/testServer.ts'

// An evidence note nested thousands of levels deep (the write gate accepted such notes; whatever the
// server holds must still render in every report and export to a file that imports back).

const DEPTH = 10_000

let t: TestServer
beforeEach(async () => {
  t = await startTestServer()
})
afterEach(async () => {
  await t.stop()
})

/** Written as the server writes, so the test does not depend on what the write gate lets a client nest. */
async function nestNote(name: string, depth: number, text: string) {
  const connection = await t.server.hocuspocus.openDirectConnection(name)
  try {
    await connection.transact((doc) => {
      let parent: Y.XmlFragment | Y.XmlElement = noteFragment(doc, '1a')
      for (let level = 0; level < depth; level++) {
        const element: Y.XmlElement = new Y.XmlElement('paragraph')
        parent.insert(parent.length, [element])
        parent = element
      }
      parent.insert(0, [new Y.XmlText(text)])
    })
  } finally {
    await connection.disconnect()
  }
}

/** How deep area 1a's note goes and the text at its bottom, walked without recursion. */
async function noteDepth(name: string): Promise<{ depth: number; text: string }> {
  const connection = await t.server.hocuspocus.openDirectConnection(name)
  try {
    let node: Y.XmlElement | Y.XmlText | undefined = noteFragment(connection.document!, '1a').get(0) as
      | Y.XmlElement
      | undefined
    let depth = 0
    while (node instanceof Y.XmlElement) {
      depth++
      node = node.get(0) as Y.XmlElement | Y.XmlText | undefined
    }
    return { depth, text: node instanceof Y.XmlText ? node.toString() : '' }
  } finally {
    await connection.disconnect()
  }
}

const get = (path: string, token: string) =>
  fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })

describe('a deeply nested evidence note', () => {
  it('renders in every report and exports to a file that imports back to the same note', async () => {
    const { assessmentId, chair } = await t.createAssessment()
    await nestNote(assessmentId, DEPTH, 'Found at the bottom')
    const base = `/api/assessments/${assessmentId}`

    for (const path of ['/report', '/report.md', '/report/items.csv', '/report.docx']) {
      const response = await get(`${base}${path}`, chair.token)
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
      if (!path.endsWith('.docx') && !path.endsWith('.csv'))
        expect(await response.text()).toContain('Found at the bottom')
    }

    const exported = await get(`${base}/report/export.json`, chair.token)
    expect(exported.status).toBe(200)
    // Sent on as the bytes it came as: JSON.stringify itself could not write a value this deep.
    const file = await exported.text()
    expect(file.length).toBeLessThan(1024 * 1024)
    const imported = await fetch(`${t.baseUrl}/api/assessments/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: file,
    })
    const body = (await imported.json()) as { assessment: { id: string } }
    expect(imported.status).toBe(201)
    expect(await noteDepth(body.assessment.id)).toEqual({ depth: DEPTH, text: 'Found at the bottom' })
  })
})
