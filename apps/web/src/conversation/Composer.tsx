import { type Person, personLabel, type RichText } from '@co-assess/board-model'
import type { JSONContent } from '@tiptap/core'
import Mention from '@tiptap/extension-mention'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useId, useRef, useState } from 'react'
import { mentionIds } from './conversationView.ts'
import { safeHref } from './safeHref.ts'

interface Suggestions {
  items: Person[]
  index: number
  pick: (person: Person) => void
}

/**
 * A rich-text box for a comment: bold, lists and links (typed or pasted addresses become links), and
 * @ to mention someone taking part. Hands back TipTap JSON, its plain text and who it mentions.
 */
export function Composer(props: {
  label: string
  submitLabel: string
  people: Person[]
  initial?: RichText
  /** Offers "post without my name", saying what others will see instead. */
  anonymousAs?: string
  onSubmit: (body: RichText, text: string, mentions: string[], anonymous: boolean) => void
  onCancel?: () => void
}) {
  const id = useId()
  const [error, setError] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null)
  const latest = useRef({ people: props.people, suggestions })
  latest.current = { people: props.people, suggestions }

  const editor = useEditor({
    content: (props.initial as JSONContent | undefined) ?? '',
    extensions: [
      StarterKit.configure({
        heading: false,
        codeBlock: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, isAllowedUri: (url) => safeHref(url) !== null },
      }),
      Mention.configure({
        HTMLAttributes: { class: 'co-mention' },
        suggestion: {
          items: ({ query }) =>
            latest.current.people
              .filter((p) => p.name.toLowerCase().includes(query.toLowerCase()))
              .slice(0, 8),
          render: () => {
            const show = (p: { items: Person[]; command: (attrs: { id: string; label: string }) => void }) =>
              setSuggestions((s) => ({
                items: p.items,
                index: Math.min(s?.index ?? 0, Math.max(0, p.items.length - 1)),
                pick: (person) => p.command({ id: person.id, label: person.name }),
              }))
            return {
              onStart: show,
              onUpdate: show,
              onExit: () => setSuggestions(null),
              onKeyDown: ({ event }) => {
                const s = latest.current.suggestions
                if (!s || s.items.length === 0) return false
                if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                  const step = event.key === 'ArrowDown' ? 1 : -1
                  setSuggestions({ ...s, index: (s.index + step + s.items.length) % s.items.length })
                  return true
                }
                if (event.key === 'Enter' || event.key === 'Tab') {
                  const person = s.items[s.index]
                  if (person) s.pick(person)
                  return true
                }
                if (event.key === 'Escape') {
                  setSuggestions(null)
                  return true
                }
                return false
              },
            }
          },
        },
      }),
    ],
    editorProps: {
      attributes: {
        class: 'co-composer__editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': `${id}-label`,
        'aria-describedby': `${id}-hint`,
      },
    },
  })

  const submit = () => {
    if (!editor) return
    const text = editor.getText({ blockSeparator: '\n' }).trim()
    if (!text) {
      setError('Write your comment before you send it')
      return
    }
    setError('')
    const body = editor.getJSON() as RichText
    props.onSubmit(
      body,
      text.slice(0, 20000),
      mentionIds(body).slice(0, 50),
      props.anonymousAs ? anonymous : false,
    )
    editor.commands.clearContent()
  }

  const active = suggestions && suggestions.items.length > 0 ? suggestions : null
  const button = (label: string, pressed: boolean, run: () => void) => (
    <button type="button" className="co-composer__tool" aria-pressed={pressed} onClick={run}>
      {label}
    </button>
  )

  return (
    <div className={`nhsuk-form-group co-composer${error ? ' nhsuk-form-group--error' : ''}`}>
      <span className="nhsuk-label" id={`${id}-label`}>
        {props.label}
      </span>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        Type @ and a name to mention someone; they will see it in their mentions. Web addresses become links.
      </div>
      {error ? (
        <span className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <fieldset className="co-composer__tools">
        <legend className="nhsuk-u-visually-hidden">Formatting</legend>
        {button('Bold', editor?.isActive('bold') ?? false, () => editor?.chain().focus().toggleBold().run())}
        {button('Bulleted list', editor?.isActive('bulletList') ?? false, () =>
          editor?.chain().focus().toggleBulletList().run(),
        )}
        {button('Numbered list', editor?.isActive('orderedList') ?? false, () =>
          editor?.chain().focus().toggleOrderedList().run(),
        )}
      </fieldset>
      <div className="co-notes__frame" data-testid="composer">
        <EditorContent editor={editor} />
      </div>
      {active ? (
        <ul className="co-mention-list" aria-label="People you can mention" data-testid="mention-list">
          {active.items.map((p, index) => (
            <li key={p.id}>
              <button
                type="button"
                className={`co-mention-list__item${index === active.index ? ' co-mention-list__item--current' : ''}`}
                aria-current={index === active.index ? 'true' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault()
                  active.pick(p)
                }}
              >
                {personLabel(p)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {props.anonymousAs ? (
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small co-composer__anonymous">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={`${id}-anonymous`}
              type="checkbox"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
              aria-describedby={`${id}-anonymous-hint`}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-anonymous`}>
              Post without my name
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-anonymous-hint`}>
              Others see “{props.anonymousAs}” instead of your name and organisation. Nobody on the board, the
              chair included, can see who wrote it, though what you write may still show it is you. You can
              still edit or delete it.
            </div>
          </div>
        </div>
      ) : null}
      <div className="nhsuk-button-group co-composer__actions">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
          onClick={submit}
        >
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--reverse nhsuk-u-margin-bottom-0"
            onClick={props.onCancel}
          >
            Cancel
          </button>
        ) : null}
      </div>
    </div>
  )
}
