import { addComment, hideComment, setTick, upsertPerson } from '@co-assess/board-model'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { tinyAssessment, tinyBoard, tinyFramework } from '../../test/reportFixture.ts'
import { buildReportModel } from './buildReportModel.ts'
import { renderDocx } from './renderDocx.ts'
import { renderMarkdown } from './renderMarkdown.ts'
import { renderReportHtml } from './renderReportHtml.ts'

/**
 * The tiny board (a chair in the ICS group and one community member, who proposed both actions), with
 * two more ICS people: three ICS people, and one community member alone in their group.
 */
function board() {
  const doc = tinyBoard()
  for (const id of ['ics2', 'ics3'])
    upsertPerson(doc, {
      id,
      name: `Person ${id}`,
      organisation: 'Leeds ICB',
      group: 'ics',
      role: 'participant',
      colour: '#005eb8',
      joinedAt: 2,
    })
  setTick(doc, 'ics2', '1a.emerging.1', true)
  setTick(doc, 'ics2', '1a.thriving.1', true)
  setTick(doc, 'ics3', '1b.emerging.1', true)
  const comment = (authorId: string) =>
    addComment(doc, authorId, {
      anchor: { areaId: '1a', itemId: null },
      body: { type: 'doc', content: [] },
      text: 'A view',
      mentions: [],
      layer: 'host',
    })
  comment('ics2')
  comment('ics3')
  comment('zoe1')
  return { doc, comment }
}

const chairCopy = (over: { names?: boolean; threshold?: number } = {}) =>
  buildReportModel(board().doc, tinyFramework, tinyAssessment, { names: false, ...over })

describe('voice balance in the chair’s report', () => {
  it('counts each group’s ticks, comments and actions, with shares, when every group is large enough', () => {
    const section = chairCopy({ threshold: 1 }).voiceBalance
    expect(section?.rows.map((r) => [r.label, r.people, r.ticks, r.comments, r.actions])).toEqual([
      [
        'ICS or statutory organisation',
        { count: 3, share: 75 },
        { count: 4, share: 80 },
        { count: 2, share: 67 },
        { count: 0, share: 0 },
      ],
      [
        expect.stringMatching(/^Lived experience/),
        { count: 1, share: 25 },
        { count: 1, share: 20 },
        { count: 1, share: 33 },
        { count: 2, share: 100 },
      ],
    ])
    expect(section?.totals).toEqual({ people: 4, ticks: 5, comments: 3, actions: 2 })
  })

  it('withholds a group smaller than the threshold, and the totals and shares that would give it away', () => {
    const model = chairCopy({ threshold: 3 })
    const section = model.voiceBalance!
    const [ics, lived] = section.rows
    expect(ics).toMatchObject({ people: { count: 3, share: null }, ticks: { count: 4, share: null } })
    expect(lived).toMatchObject({
      people: { count: 'fewer than 3' },
      ticks: { count: 'not shown' },
      comments: { count: 'not shown' },
      actions: { count: 'not shown' },
    })
    expect(section.totals).toEqual({
      people: 'not shown',
      ticks: 'not shown',
      comments: 'not shown',
      actions: 'not shown',
    })
    const html = renderReportHtml(model)
    expect(html).toContain('<h2 id="voice">Voice balance: whose voice was heard</h2>')
    expect(html).toContain('<td>fewer than 3</td><td>not shown</td><td>not shown</td><td>not shown</td>')
    expect(html).toContain('A group with fewer than 3 people shows no counts')
    const markdown = renderMarkdown(model)
    expect(markdown).toContain('## Voice balance: whose voice was heard')
    expect(markdown).toContain('| ICS or statutory organisation | 3 | 4 | 2 | 0 |')
  })

  it('keeps every count exact only in the named record', () => {
    const section = chairCopy({ names: true, threshold: 3 }).voiceBalance!
    expect(section.threshold).toBe(0)
    expect(section.rows[1]).toMatchObject({
      people: { count: 1, share: 25 },
      actions: { count: 2, share: 100 },
    })
  })

  it('is in the Word copy too', async () => {
    const buffer = await renderDocx(chairCopy({ threshold: 3 }))
    const { value: html } = await mammoth.convertToHtml({ buffer })
    expect(html).toContain('<h1>Voice balance: whose voice was heard</h1>')
    const { value: text } = await mammoth.extractRawText({ buffer })
    expect(text).toContain('fewer than 3')
  })

  it('leaves out a comment the chair has hidden', () => {
    const { doc, comment } = board()
    hideComment(doc, comment('ics2'), { by: 'chair', reason: 'Names a patient', at: 3 })
    const section = buildReportModel(doc, tinyFramework, tinyAssessment, { names: false, threshold: 1 })
      .voiceBalance!
    expect(section.rows.map((r) => r.comments.count)).toEqual([2, 1])
    expect(section.totals.comments).toBe(3)
  })

  it('is in no other audience’s copy', () => {
    for (const audience of ['participants', 'observers-and-reviewers', 'public'] as const) {
      const model = buildReportModel(board().doc, tinyFramework, tinyAssessment, { audience, names: false })
      expect(model.voiceBalance).toBeUndefined()
      expect(renderReportHtml(model)).not.toContain('Voice balance')
      expect(renderMarkdown(model)).not.toContain('Voice balance')
    }
  })
})
