import { DISCUSSION_QUESTIONS, type GroupDef } from '@co-assess/board-model'
import type { Framework } from '@co-assess/framework'
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'

/** One area as the paper checklist shows it: the framework's words, and the project's reading where there is one. */
export interface ChecklistArea {
  id: string
  title: string
  summary: string
  healthInequalities: string
  levels: Array<{
    label: string
    description: string | undefined
    items: Array<{ id: string; text: string; plainEnglish: string | undefined }>
  }>
}

export interface ChecklistInput {
  assessmentTitle: string
  frameworkTitle: string
  groups: readonly GroupDef[]
  areas: ChecklistArea[]
}

/** The areas of a framework, in its order, as the checklist shows them; `only` keeps those ids. */
export function checklistAreas(framework: Framework, only: ReadonlySet<string> | null): ChecklistArea[] {
  const labels = new Map(framework.levels.map((l) => [l.id, l] as const))
  return framework.phases.flatMap((phase) =>
    phase.areas
      .filter((area) => !only || only.has(area.id))
      .map((area) => ({
        id: area.id,
        title: area.title,
        summary: area.summary,
        healthInequalities: area.healthInequalities,
        levels: area.levels.map((level) => ({
          label: labels.get(level.level)?.label ?? level.level,
          description: labels.get(level.level)?.description,
          items: level.items.map((item) => ({
            id: item.id,
            text: item.text,
            plainEnglish: item.plainEnglish,
          })),
        })),
      })),
  )
}

const BOX = '\u2610'
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level })
const para = (text: string) => new Paragraph({ text })
const hint = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] })
// A ruled line to write on: a bottom border, so it prints as a line and reads as an empty paragraph.
const writingLine = () =>
  new Paragraph({
    text: '',
    spacing: { before: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } },
  })
const box = (text: string) =>
  new Paragraph({ children: [new TextRun(`${BOX}  ${text}`)], spacing: { before: 120 } })

/**
 * A printable checklist and discussion guide as a Word document: for someone taking part on paper,
 * or for the facilitator on a phone call. It carries the framework's words and the assessment's
 * title, never anything anyone has written on the board, so anyone who may see the board may have it.
 */
export async function renderChecklistDocx(input: ChecklistInput): Promise<Buffer> {
  const children: Paragraph[] = [
    heading('Checklist and discussion guide', HeadingLevel.TITLE),
    para(`${input.assessmentTitle}: ${input.frameworkTitle}`),
    heading('How to fill this in', HeadingLevel.HEADING_1),
    para(
      'Tick the box beside each thing you believe happens now. Leave it empty if it does not, or if you are not sure. There are no right or wrong answers.',
    ),
    para(
      'Write your views in the space after each area. The chair or a facilitator will type your answers into the board, and your answers will be marked as recorded from paper or a phone call.',
    ),
    heading('About you', HeadingLevel.HEADING_1),
    para('Your name:'),
    writingLine(),
    para('Your organisation (if you have one):'),
    writingLine(),
    para('Which group do you speak for? Tick one.'),
    ...input.groups.map((g) => box(g.label)),
    para('Date:'),
    writingLine(),
  ]
  for (const area of input.areas) {
    children.push(heading(`${area.id} ${area.title}`, HeadingLevel.HEADING_1))
    children.push(para(area.summary))
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: 'Link to health inequalities: ', bold: true }),
          new TextRun(area.healthInequalities),
        ],
      }),
    )
    for (const level of area.levels) {
      children.push(heading(level.label, HeadingLevel.HEADING_2))
      if (level.description) children.push(hint(level.description))
      for (const item of level.items) {
        children.push(box(item.text))
        if (item.plainEnglish) children.push(hint(`In plain English: ${item.plainEnglish}`))
      }
    }
    children.push(heading(`Questions to talk about: ${area.id}`, HeadingLevel.HEADING_2))
    for (const question of DISCUSSION_QUESTIONS)
      children.push(new Paragraph({ text: question, bullet: { level: 0 } }))
    children.push(heading(`Your views on ${area.id}`, HeadingLevel.HEADING_2))
    for (let i = 0; i < 6; i++) children.push(writingLine())
  }
  const doc = new Document({
    title: `Checklist and discussion guide: ${input.assessmentTitle}`,
    creator: 'Co-assess',
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}
