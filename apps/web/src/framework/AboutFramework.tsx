import { type ReactNode, useMemo } from 'react'
import { AppLink } from '../components/AppLink.tsx'
import type { Framework, GuidanceSection } from './frameworkTypes.ts'
import { GlossaryList } from './GlossaryList.tsx'
import { GuidanceBlocks, guidanceTexts } from './GuidanceBlocks.tsx'
import { TermMarksProvider, TermText } from './TermMarks.tsx'
import { notTheirWords } from './whoseWords.ts'

interface Part {
  id: string
  title: string
  body: ReactNode
}

const principleKey = (id: string) => `principle:${id}`
const phaseKey = (id: string, what: 'aim' | 'description') => `phase:${id}:${what}`

/** Every text the page shows that may hold glossary words, in reading order. */
function pageTexts(framework: Framework): [string, string][] {
  const g = framework.guidance
  const blocks = (section: GuidanceSection | undefined) => (section ? guidanceTexts(section.blocks) : [])
  return [
    ...blocks(g?.introduction),
    ...blocks(g?.principles),
    ...(framework.principles ?? []).map((p): [string, string] => [principleKey(p.id), p.text]),
    ...blocks(g?.purposeAndUse),
    ...blocks(g?.roles),
    ...framework.phases.flatMap((phase): [string, string][] => [
      ...(phase.aim ? [[phaseKey(phase.id, 'aim'), phase.aim] as [string, string]] : []),
      ...(phase.description
        ? [[phaseKey(phase.id, 'description'), phase.description] as [string, string]]
        : []),
    ]),
    ...blocks(g?.approaches),
    ...blocks(g?.tips),
  ]
}

function sectionPart(section: GuidanceSection | undefined): Part[] {
  if (!section) return []
  return [
    {
      id: section.id,
      title: section.title,
      body: <GuidanceBlocks blocks={section.blocks} headingLevel={2} />,
    },
  ]
}

/**
 * The framework's guidance in the source's order: introduction, principles, purpose and use, roles
 * with the RACI table, the phases, the pilots' approaches and the practical tips; then the project's
 * glossary, said to be ours. Everything shown before the glossary is the framework's own words.
 */
export function AboutFramework({ framework, backHref }: { framework: Framework; backHref: string | null }) {
  const g = framework.guidance
  const texts = useMemo(() => pageTexts(framework), [framework])
  const principles = framework.principles ?? []
  const parts: Part[] = [
    ...sectionPart(g?.introduction),
    ...(g?.principles || principles.length > 0
      ? [
          {
            id: g?.principles?.id ?? 'core-principles',
            title: g?.principles?.title ?? 'Principles',
            body: (
              <>
                {g?.principles ? <GuidanceBlocks blocks={g.principles.blocks} headingLevel={2} /> : null}
                {principles.map((p) => (
                  <div key={p.id} id={`principle-${p.id}`}>
                    <h3 className="nhsuk-heading-s">{p.title}</h3>
                    <p>
                      <TermText markKey={principleKey(p.id)} text={p.text} />
                    </p>
                  </div>
                ))}
              </>
            ),
          },
        ]
      : []),
    ...sectionPart(g?.purposeAndUse),
    ...sectionPart(g?.roles),
    {
      id: 'phases',
      title: `The ${framework.phases.length === 1 ? 'phase' : `${framework.phases.length} phases`}`,
      body: framework.phases.map((phase) => (
        <div key={phase.id} id={`phase-${phase.id}`}>
          <h3 className="nhsuk-heading-s">
            Phase {phase.id}: {phase.title}
          </h3>
          {phase.aim ? (
            <p className="co-phase-aim">
              <strong>
                <TermText markKey={phaseKey(phase.id, 'aim')} text={phase.aim} />
              </strong>
            </p>
          ) : null}
          {phase.description ? (
            <p>
              <TermText markKey={phaseKey(phase.id, 'description')} text={phase.description} />
            </p>
          ) : null}
          <p className="nhsuk-body-s">
            Improvement areas: {phase.areas.map((area) => `${area.id} ${area.title}`).join('; ')}.
          </p>
        </div>
      )),
    },
    ...sectionPart(g?.approaches),
    ...sectionPart(g?.tips),
  ]
  const glossary = framework.glossary ?? []

  return (
    <TermMarksProvider glossary={framework.glossary} texts={texts}>
      <div className="co-framework-about">
        {backHref ? (
          <div className="nhsuk-back-link">
            <AppLink className="nhsuk-back-link__link" href={backHref}>
              Back to the board
            </AppLink>
          </div>
        ) : null}
        <span className="nhsuk-caption-l">About this framework</span>
        <h1>{framework.title}</h1>
        {framework.subtitle ? <p className="nhsuk-body-l">{framework.subtitle}</p> : null}
        <p>
          {framework.publisher ? `Published by ${framework.publisher}` : 'Framework'}
          {framework.published ? `, ${publishedDate(framework.published)}` : ''}. Version {framework.version}{' '}
          on this board.
        </p>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            The text of this page is the framework’s own, word for word, up to “Words used on the board”. The
            explanations of words, and the plain-English readings beside checklist items, are written by
            Co-assess: {notTheirWords(framework)}.
          </p>
        </div>
        <nav className="nhsuk-contents-list" aria-labelledby="about-contents">
          <h2 className="nhsuk-heading-s" id="about-contents">
            On this page
          </h2>
          <ol className="nhsuk-contents-list__list">
            {parts.map((part) => (
              <li key={part.id} className="nhsuk-contents-list__item">
                <a className="nhsuk-contents-list__link" href={`#${part.id}`}>
                  {part.title}
                </a>
              </li>
            ))}
            {glossary.length > 0 ? (
              <li className="nhsuk-contents-list__item">
                <a className="nhsuk-contents-list__link" href="#glossary">
                  Words used on the board
                </a>
              </li>
            ) : null}
          </ol>
        </nav>
        {parts.map((part) => (
          <section key={part.id} aria-labelledby={part.id} className="co-framework-about__part">
            <h2 id={part.id}>{part.title}</h2>
            {part.body}
          </section>
        ))}
        {glossary.length > 0 ? (
          <section aria-labelledby="glossary" className="co-framework-about__part">
            <h2 id="glossary">Words used on the board</h2>
            <p className="nhsuk-hint">
              Explained in plain English by Co-assess ({notTheirWords(framework)}).
            </p>
            <GlossaryList entries={glossary} idPrefix="glossary-" />
          </section>
        ) : null}
        {framework.source ? (
          <p className="nhsuk-body-s co-framework-about__source">
            <strong>Source: </strong>
            {framework.source}
          </p>
        ) : null}
      </div>
    </TermMarksProvider>
  )
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

function publishedDate(published: string): string {
  const [year, month] = published.split('-')
  return month
    ? monthYear.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)))
    : (year ?? published)
}
