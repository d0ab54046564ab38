import type { Framework } from '../src/framework/frameworkTypes.ts'

const levels = ['emerging', 'developing', 'maturing', 'thriving'] as const

function area(id: string, title: string) {
  return {
    id,
    title,
    summary: `Summary of ${title}.`,
    healthInequalities: `How ${title} links to health inequalities.`,
    levels: levels.map((level) => ({
      level,
      items: [1, 2, 3].map((n) => ({ id: `${id}.${level}.${n}`, text: `${title}: ${level} item ${n}` })),
    })),
  }
}

/** A small framework in the real file's shape, for unit tests. */
export const tinyFramework: Framework = {
  id: 'tiny',
  version: '1.0.0',
  title: 'Tiny framework',
  levels: levels.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) })),
  phases: [
    { id: '1', title: 'Check', areas: [area('1a', 'Know your communities'), area('1b', 'Review data')] },
    { id: '2', title: 'Challenge', areas: [area('2a', 'Invite challenge')] },
  ],
}
