import type { AreaTally } from '@co-assess/board-model'
import type { FrameworkArea } from '../../framework/frameworkTypes.ts'
import { useBoardContext } from '../BoardContext.tsx'
import { describeAreaTicking } from '../tallyText.ts'
import { ChecklistItem } from './ChecklistItem.tsx'

/** The area's four levels side by side (stacked on a narrow screen), every item with its live count. */
export function Checklist({ area, tally, blind }: { area: FrameworkArea; tally: AreaTally; blind: boolean }) {
  const { framework, canWrite: mayTick, person, audience } = useBoardContext()
  // A projector shows the room's counts only, never the tick boxes of the person signed in on it.
  const canWrite = mayTick && !audience
  const labelOf = (id: string) => framework.levels.find((l) => l.id === id)
  return (
    <section className="co-checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Checklist</h2>
      <p className="nhsuk-hint" id="checklist-hint">
        {audience
          ? "The room's count for each item. Where groups see an item differently, it says so under the item."
          : canWrite
            ? 'Tick each item you believe is in place. Where groups see an item differently, it says so under the item.'
            : person.role === 'observer'
              ? 'As an observer you can follow the counts for each item and read the discussion. Ticking is for the people taking part.'
              : 'As a peer reviewer you can see how the room counted each item, comment on items and the area, and suggest a level for the area. Ticking is for the people taking part.'}
      </p>
      {blind ? null : (
        <p className="co-area-ticking" data-testid="area-ticking">
          {describeAreaTicking(tally)}
        </p>
      )}
      <div className="co-levels">
        {area.levels.map((level) => {
          const info = labelOf(level.level)
          const label = info?.label ?? level.level
          const headingId = `level-${area.id}-${level.level}`
          const items = level.items.map((item) => (
            <ChecklistItem key={item.id} item={item} tally={tally.items.get(item.id)} blind={blind} />
          ))
          return (
            <div className="co-level" key={level.level} data-level={level.level}>
              {canWrite ? (
                <fieldset
                  className="nhsuk-fieldset"
                  aria-describedby={info?.description ? `${headingId}-hint` : undefined}
                >
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                    <h3 className="nhsuk-fieldset__heading" id={headingId}>
                      {label}
                    </h3>
                  </legend>
                  {info?.description ? (
                    <div className="nhsuk-hint" id={`${headingId}-hint`}>
                      {info.description}
                    </div>
                  ) : null}
                  <div className="nhsuk-checkboxes nhsuk-checkboxes--small">{items}</div>
                </fieldset>
              ) : (
                <>
                  <h3 id={headingId}>{label}</h3>
                  {info?.description ? <p className="nhsuk-hint">{info.description}</p> : null}
                  <ul className="nhsuk-list co-readonly-items" aria-labelledby={headingId}>
                    {items}
                  </ul>
                </>
              )}
            </div>
          )
        })}
      </div>
    </section>
  )
}
