import { addComment, type StakeholderGroup, stakeholderGroupLabels } from '@co-assess/board-model'
import { useId, useMemo, useState } from 'react'
import { levelLabel } from '../board/levelLabels.ts'
import { anchorLabel, type ItemLabel, PICKER_TEXT_LIMIT, shortenAtWord } from './anchorLabels.ts'
import { anonymousOption, postedAs } from './anonymousComments.ts'
import { filterThreads, type ThreadFilter } from './conversationView.ts'
import { Composer } from './LazyComposer.tsx'
import { ThreadPages } from './ThreadPages.tsx'
import { ThreadView } from './ThreadView.tsx'
import { useTalk } from './useTalk.ts'

/** Comment threads with filters; on an area page the area is fixed and a new thread can be started. */
export function ThreadList({ areaId }: { areaId: string | null }) {
  const talk = useTalk()
  const id = useId()
  const [filter, setFilter] = useState<ThreadFilter>({ group: 'all', state: 'all', areaId: areaId ?? 'all' })
  const [about, setAbout] = useState('')
  const effective = areaId ? { ...filter, areaId } : filter
  const shown = filterThreads(talk.threads, effective, talk.view.people)
  const actions = talk.actions
  const actionFrom = useMemo(
    () => new Set(actions.flatMap((a) => (a.fromCommentId ? [a.fromCommentId] : []))),
    [actions],
  )
  const area = areaId ? talk.areas.get(areaId)?.area : undefined
  const levels = talk.framework.levels
  const items = useMemo(() => {
    const found = new Map<string, ItemLabel>()
    for (const place of talk.areas.values())
      for (const level of place.area.levels)
        for (const item of level.items)
          found.set(item.id, { levelLabel: levelLabel(level.level, levels), text: item.text })
    return found
  }, [talk.areas, levels])
  // People read the level's name and the item's words; ids are for the framework's editors.
  const labelOf = (anchor: { areaId: string; itemId: string | null }) =>
    anchorLabel(
      anchor,
      anchor.itemId ? items.get(anchor.itemId) : undefined,
      talk.areas.get(anchor.areaId)?.area.title,
    )
  const chosen = about ? items.get(about) : undefined
  const select = (label: string, key: keyof ThreadFilter, options: Array<[string, string]>) => (
    <div className="nhsuk-form-group co-filter">
      <label className="nhsuk-label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <select
        className="nhsuk-select"
        id={`${id}-${key}`}
        value={effective[key]}
        onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
  const groups = Object.entries(stakeholderGroupLabels) as Array<[StakeholderGroup, string]>
  return (
    <section className="co-threads" aria-labelledby={`${id}-title`} data-testid="threads">
      <h2 id={`${id}-title`}>{areaId ? 'Comments on this area' : 'All comments'}</h2>
      <div className="co-filters">
        {select('Written by', 'group', [['all', 'Any group'], ...groups])}
        {select('Show', 'state', [
          ['all', 'Open and resolved'],
          ['open', 'Open only'],
          ['resolved', 'Resolved only'],
        ])}
        {areaId
          ? null
          : select('Area', 'areaId', [
              ['all', 'All areas'],
              ...[...talk.areas.values()].map((p): [string, string] => [
                p.area.id,
                `${p.area.id} ${p.area.title}`,
              ]),
            ])}
      </div>
      <ThreadPages threads={shown}>
        {(thread) => (
          <ThreadView
            key={thread.id}
            thread={thread}
            anchorLabel={labelOf(thread.anchor)}
            talk={talk.thread}
            actionFrom={actionFrom}
          />
        )}
      </ThreadPages>
      {area && talk.canComment ? (
        <div className="co-new-thread">
          <h3 className="nhsuk-heading-s">Start a new thread</h3>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${id}-about`}>
              What is it about?
            </label>
            <select
              className="nhsuk-select co-about"
              id={`${id}-about`}
              value={about}
              aria-describedby={chosen ? `${id}-about-full` : undefined}
              onChange={(e) => setAbout(e.target.value)}
            >
              <option value="">The area as a whole</option>
              {area.levels.map((level) => (
                <optgroup key={level.level} label={levelLabel(level.level, levels)}>
                  {level.items.map((item) => (
                    <option key={item.id} value={item.id} title={item.text}>
                      {shortenAtWord(item.text, PICKER_TEXT_LIMIT)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {/* A picker cuts long items short; the chosen one is given in full here. */}
            {chosen ? (
              <p className="nhsuk-hint co-about-full" id={`${id}-about-full`} data-testid="about-full">
                The item under {chosen.levelLabel}: {chosen.text}
              </p>
            ) : null}
          </div>
          <Composer
            label={talk.isReviewer ? 'Your peer-review comment' : 'Your comment'}
            submitLabel="Add comment"
            people={talk.peopleList}
            {...anonymousOption(talk.thread)}
            onSubmit={(body, text, mentions, anonymous) =>
              addComment(talk.doc, talk.person.id, {
                anchor: { areaId: area.id, itemId: about || null },
                body,
                text,
                mentions,
                layer: talk.layer,
                ...postedAs(talk.thread, anonymous),
              })
            }
          />
        </div>
      ) : talk.isReviewer && talk.reviewClosed ? (
        <p>The chair has closed the peer review. You can read everything but no longer write.</p>
      ) : null}
    </section>
  )
}
