import {
  areaIsAnonymous,
  areaIsBlind,
  type RecordedHow,
  readGroups,
  recordedFrom,
} from '@co-assess/board-model'
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { addRecordedPerson } from '../../api/paperEndpoints.ts'
import { ErrorSummary } from '../../components/ErrorSummary.tsx'
import type { FrameworkArea } from '../../framework/frameworkTypes.ts'
import { useAnnounce } from '../Announcer.tsx'
import { useBoardContext } from '../BoardContext.tsx'
import { enteredByName } from './RecordedMark.tsx'
import './paper.css'

const NEW = 'new'
// One recording form per page, so its ids are fixed (and easy to link to from the error summary).
const ids = 'paper-record'
type Problem = { target: string; text: string }

/**
 * "Record answers from paper or phone", for a chair or facilitator: pick the person (or add them),
 * tick what they ticked, add their views, save. Everything is a native control, so it works by
 * keyboard alone. The ticks go to the shared board, so a blind round must be revealed first, and an
 * area that had an anonymous round takes no named ticks at all.
 */
export function RecordFromPaper({ area }: { area: FrameworkArea }) {
  const { assessment, framework, view, actions, keeper, connection, person: me } = useBoardContext()
  const announce = useAnnounce()
  const { recorded } = view
  const groups = readGroups(connection.doc)
  const [who, setWho] = useState<string>('')
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [group, setGroup] = useState('')
  const [how, setHow] = useState<RecordedHow | ''>('')
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set())
  const [views, setViews] = useState('')
  const [problems, setProblems] = useState<Problem[]>([])
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  const summary = useRef<HTMLDivElement>(null)
  const savedRef = useRef<HTMLDivElement>(null)

  const people = useMemo(
    () =>
      [...recorded]
        .flatMap(([id, record]) => {
          const p = view.people.get(id)
          return p ? [{ person: p, record }] : []
        })
        .sort((a, b) => a.person.name.localeCompare(b.person.name)),
    [recorded, view.people],
  )
  const itemIds = useMemo(() => area.levels.flatMap((l) => l.items.map((i) => i.id)), [area])

  // Picking someone starts from what the board already holds for them in this area.
  const pick = (id: string) => {
    setWho(id)
    setSaved(null)
    const areaTicks = view.ticks.get(area.id)
    setTicked(new Set(itemIds.filter((itemId) => areaTicks?.get(itemId)?.get(id)?.ticked)))
    setViews('')
  }

  useEffect(() => {
    if (problems.length) summary.current?.focus()
  }, [problems])
  useEffect(() => {
    if (saved) savedRef.current?.focus()
  }, [saved])

  const blind = areaIsBlind(view.live, area.id)
  const anonymous = areaIsAnonymous(view.live, area.id)
  const section = (body: ReactNode) => (
    <section className="co-paper-record" aria-labelledby={`${ids}-title`} data-testid="record-from-paper">
      <h2 id={`${ids}-title`} className="nhsuk-heading-m">
        Record answers from paper or phone
      </h2>
      {body}
    </section>
  )
  if (anonymous)
    return section(
      <p data-testid="record-from-paper-closed">
        This area has had an anonymous round, so the board keeps nobody’s ticks by name. Answers from paper or
        a phone call cannot be added here by name, because that would show what that person ticked.
      </p>,
    )
  if (blind)
    return section(
      <p data-testid="record-from-paper-closed">
        This area is in a blind round. Reveal the ticks first, then record answers from paper or phone: they
        go straight onto the shared board, where everyone would see them before the reveal.
      </p>,
    )

  const validate = (): Problem[] => {
    const found: Problem[] = []
    if (!who) found.push({ target: `${ids}-who-0`, text: 'Choose whose answers these are' })
    if (who === NEW) {
      if (!name.trim()) found.push({ target: `${ids}-name`, text: 'Enter their name' })
      if (!group) found.push({ target: `${ids}-group-0`, text: 'Choose the group they speak for' })
      if (!how) found.push({ target: `${ids}-how-0`, text: 'Choose how they gave their answers' })
    }
    return found
  }
  const errorOf = (target: string) => problems.find((p) => p.target === target)?.text

  const save = async () => {
    const found = validate()
    setProblems(found)
    if (found.length) return
    setSaving(true)
    try {
      let personId = who
      let shownName = view.people.get(who)?.name ?? ''
      let shownHow = recorded.get(who)?.how ?? 'paper'
      if (who === NEW) {
        const added = await addRecordedPerson(assessment.id, await keeper.token(), {
          name: name.trim(),
          organisation: organisation.trim(),
          group,
          how: how as RecordedHow,
        })
        personId = added.person.id
        shownName = added.person.name
        shownHow = added.recorded.how
      }
      actions.recordAnswers(personId, {
        ticks: itemIds.map((id) => [id, ticked.has(id)] as const),
        views: { areaId: area.id, text: views },
      })
      const text = `Saved ${shownName}’s answers for ${area.id}. They count in their group, marked “recorded by you ${recordedFrom(shownHow)}”.`
      setSaved(text)
      announce([{ kind: 'message', text }])
      setWho(personId)
      setName('')
      setOrganisation('')
      setGroup('')
      setHow('')
      setViews('')
    } catch (error) {
      setProblems([{ target: `${ids}-save`, text: (error as Error).message }])
    } finally {
      setSaving(false)
    }
  }

  const field = (target: string, children: ReactNode) => (
    <div className={`nhsuk-form-group${errorOf(target) ? ' nhsuk-form-group--error' : ''}`}>{children}</div>
  )
  const inlineError = (target: string) =>
    errorOf(target) ? (
      <span className="nhsuk-error-message" id={`${target}-error`}>
        <span className="nhsuk-u-visually-hidden">Error:</span> {errorOf(target)}
      </span>
    ) : null
  const levelLabel = (id: string) => framework.levels.find((l) => l.id === id)?.label ?? id

  return section(
    <>
      <p className="nhsuk-hint">
        For someone who filled in the paper checklist, or told you their answers on a phone call. Their ticks
        count in their group like everyone else’s, and the board shows who recorded them and how.
      </p>
      <ErrorSummary problems={problems} ref={summary} testId="record-from-paper-errors" />
      {saved ? (
        <div
          className="nhsuk-inset-text co-paper-record__saved"
          ref={savedRef}
          tabIndex={-1}
          data-testid="record-from-paper-saved"
        >
          <p>{saved}</p>
        </div>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {field(
          `${ids}-who-0`,
          <fieldset
            className="nhsuk-fieldset"
            aria-describedby={errorOf(`${ids}-who-0`) ? `${ids}-who-0-error` : undefined}
          >
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              Whose answers are these?
            </legend>
            {inlineError(`${ids}-who-0`)}
            <div className="nhsuk-radios">
              {[
                ...people.map(({ person, record }) => ({
                  value: person.id,
                  label: `${person.name}${person.organisation ? `, ${person.organisation}` : ''}`,
                  hint: `${groups.find((g) => g.id === person.group)?.label ?? 'No group'}; recorded by ${enteredByName(view.people, record.enteredBy, me.id)} ${recordedFrom(record.how)}`,
                })),
                { value: NEW, label: 'Someone not listed yet', hint: 'Add their name and group' },
              ].map((option, i) => (
                <div className="nhsuk-radios__item" key={option.value}>
                  <input
                    className="nhsuk-radios__input"
                    id={`${ids}-who-${i}`}
                    type="radio"
                    name={`${ids}-who`}
                    value={option.value}
                    checked={who === option.value}
                    aria-describedby={`${ids}-who-${i}-hint`}
                    onChange={() => pick(option.value)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${ids}-who-${i}`}>
                    {option.label}
                  </label>
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${ids}-who-${i}-hint`}>
                    {option.hint}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>,
        )}
        {who === NEW ? (
          <>
            {field(
              `${ids}-name`,
              <>
                <label className="nhsuk-label" htmlFor={`${ids}-name`}>
                  Their name
                </label>
                {inlineError(`${ids}-name`)}
                <input
                  className="nhsuk-input nhsuk-u-width-two-thirds"
                  id={`${ids}-name`}
                  type="text"
                  maxLength={80}
                  autoComplete="off"
                  value={name}
                  aria-describedby={errorOf(`${ids}-name`) ? `${ids}-name-error` : undefined}
                  onChange={(e) => setName(e.target.value)}
                />
              </>,
            )}
            {field(
              `${ids}-organisation`,
              <>
                <label className="nhsuk-label" htmlFor={`${ids}-organisation`}>
                  Their organisation (optional)
                </label>
                <input
                  className="nhsuk-input nhsuk-u-width-two-thirds"
                  id={`${ids}-organisation`}
                  type="text"
                  maxLength={120}
                  autoComplete="off"
                  value={organisation}
                  onChange={(e) => setOrganisation(e.target.value)}
                />
              </>,
            )}
            {field(
              `${ids}-group-0`,
              <fieldset className="nhsuk-fieldset">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                  Which group do they speak for?
                </legend>
                {inlineError(`${ids}-group-0`)}
                <div className="nhsuk-radios">
                  {groups.map((g, i) => (
                    <div className="nhsuk-radios__item" key={g.id}>
                      <input
                        className="nhsuk-radios__input"
                        id={`${ids}-group-${i}`}
                        type="radio"
                        name={`${ids}-group`}
                        value={g.id}
                        checked={group === g.id}
                        onChange={() => setGroup(g.id)}
                      />
                      <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${ids}-group-${i}`}>
                        {g.label}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>,
            )}
            {field(
              `${ids}-how-0`,
              <fieldset className="nhsuk-fieldset">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                  How did they give their answers?
                </legend>
                {inlineError(`${ids}-how-0`)}
                <div className="nhsuk-radios nhsuk-radios--inline">
                  {(
                    [
                      ['paper', 'On paper'],
                      ['phone', 'On a phone call'],
                    ] as const
                  ).map(([value, label], i) => (
                    <div className="nhsuk-radios__item" key={value}>
                      <input
                        className="nhsuk-radios__input"
                        id={`${ids}-how-${i}`}
                        type="radio"
                        name={`${ids}-how`}
                        value={value}
                        checked={how === value}
                        onChange={() => setHow(value)}
                      />
                      <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${ids}-how-${i}`}>
                        {label}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>,
            )}
          </>
        ) : null}
        {who ? (
          <>
            {area.levels.map((level) => (
              <fieldset className="nhsuk-fieldset nhsuk-form-group" key={level.level}>
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                  {levelLabel(level.level)}: what they ticked
                </legend>
                <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                  {level.items.map((item) => (
                    <div className="nhsuk-checkboxes__item" key={item.id}>
                      <input
                        className="nhsuk-checkboxes__input"
                        id={`${ids}-item-${item.id}`}
                        type="checkbox"
                        checked={ticked.has(item.id)}
                        onChange={(e) => {
                          const next = new Set(ticked)
                          if (e.target.checked) next.add(item.id)
                          else next.delete(item.id)
                          setTicked(next)
                        }}
                      />
                      <label
                        className="nhsuk-label nhsuk-checkboxes__label"
                        htmlFor={`${ids}-item-${item.id}`}
                      >
                        {item.text}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            ))}
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${ids}-views`}>
                Their views on {area.id} (optional)
              </label>
              <div className="nhsuk-hint" id={`${ids}-views-hint`}>
                In their words. It is posted as their comment on this area, marked as recorded by you.
              </div>
              <textarea
                className="nhsuk-textarea"
                id={`${ids}-views`}
                rows={4}
                maxLength={5000}
                aria-describedby={`${ids}-views-hint`}
                value={views}
                onChange={(e) => setViews(e.target.value)}
              />
            </div>
          </>
        ) : null}
        <button type="submit" className="nhsuk-button" id={`${ids}-save`} disabled={saving}>
          {saving ? 'Saving…' : 'Save their answers'}
        </button>
      </form>
    </>,
  )
}
