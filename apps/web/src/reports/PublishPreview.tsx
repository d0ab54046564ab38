import { type FormEvent, useEffect, useRef } from 'react'
import type { PossibleName, PublicationPreview } from '../api/apiTypes.ts'

const FIELD_LABELS: Record<PossibleName['field'], string> = {
  youSaid: 'You said',
  weDid: 'We did',
  whatChanged: 'What changed',
  droppedReason: 'Why we are not going ahead',
}

/** Text with the flagged words marked, so the chair finds each where the public would read it. */
function Marked({ text, words }: { text: string; words: readonly string[] }) {
  if (words.length === 0) return <>{text}</>
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  const parts = text.split(pattern)
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order, never move
          <mark key={index} className="co-flagged">
            {part}
            <span className="nhsuk-u-visually-hidden"> (may name someone)</span>
          </mark>
        ) : (
          part
        ),
      )}
    </>
  )
}

/**
 * The public page exactly as the public will read it, with every word that may still name someone on
 * the board marked; each must be confirmed (or the action edited and previewed again) before the
 * page can be published. The server refuses to publish with any left unchecked.
 */
export function PublishPreview(props: {
  preview: PublicationPreview
  confirmed: ReadonlySet<string>
  onConfirm: (id: string) => void
  onPublish: () => void
  busy: boolean
  error: string | null
  republishing: boolean
}) {
  const { preview, confirmed, error } = props
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    headingRef.current?.focus()
  }, [])
  const wordsFor = (actionId: string, field: PossibleName['field']) =>
    preview.possibleNames.filter((n) => n.actionId === actionId && n.field === field).map((n) => n.word)
  const youSaidOf = (actionId: string) => preview.items.find((i) => i.actionId === actionId)?.youSaid ?? ''
  const submit = (event: FormEvent) => {
    event.preventDefault()
    props.onPublish()
  }

  return (
    <section className="nhsuk-card co-preview" aria-labelledby="preview-title" data-testid="publish-preview">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" id="preview-title" ref={headingRef} tabIndex={-1}>
          Check the public page before it is published
        </h3>
        <p>This is what anyone with the link will read.</p>
        <ol className="nhsuk-list co-preview__items">
          {preview.items.map((item) => (
            <li key={item.actionId} className="co-preview__item">
              <dl className="nhsuk-summary-list">
                {(['youSaid', 'weDid', 'whatChanged', 'droppedReason'] as const).map((field) =>
                  item[field] ? (
                    <div className="nhsuk-summary-list__row" key={field}>
                      <dt className="nhsuk-summary-list__key">{FIELD_LABELS[field]}</dt>
                      <dd className="nhsuk-summary-list__value">
                        <Marked text={item[field] ?? ''} words={wordsFor(item.actionId, field)} />
                      </dd>
                    </div>
                  ) : null,
                )}
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Where it stands</dt>
                  <dd className="nhsuk-summary-list__value">{item.statusLabel}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
        <form onSubmit={submit} noValidate>
          {preview.possibleNames.length > 0 ? (
            <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
              <fieldset
                className="nhsuk-fieldset"
                aria-describedby={`names-hint${error ? ' names-error' : ''}`}
                data-testid="possible-names"
              >
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                  These words may name someone on the board
                </legend>
                <div className="nhsuk-hint" id="names-hint">
                  They are marked above. If a word names a person who has not agreed to be named, edit the
                  action on the board and preview again. Otherwise, tick it to say you have checked it.
                </div>
                {error ? (
                  <span className="nhsuk-error-message" id="names-error">
                    <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                  </span>
                ) : null}
                <div className="nhsuk-checkboxes">
                  {preview.possibleNames.map((name, index) => (
                    <div className="nhsuk-checkboxes__item" key={name.id}>
                      <input
                        className="nhsuk-checkboxes__input"
                        id={index === 0 ? 'possible-names' : `name-${name.id}`}
                        type="checkbox"
                        checked={confirmed.has(name.id)}
                        onChange={() => props.onConfirm(name.id)}
                      />
                      <label
                        className="nhsuk-label nhsuk-checkboxes__label"
                        htmlFor={index === 0 ? 'possible-names' : `name-${name.id}`}
                      >
                        “{name.word}” in “{FIELD_LABELS[name.field]}” of “{youSaidOf(name.actionId)}”: I have
                        checked it can be published
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
          ) : (
            <p data-testid="no-possible-names">
              No word in this page matches the name of anyone on the board.
            </p>
          )}
          <button type="submit" className="nhsuk-button" disabled={props.busy}>
            {props.republishing ? 'Update the public page' : 'Publish this page'}
          </button>
        </form>
      </div>
    </section>
  )
}
