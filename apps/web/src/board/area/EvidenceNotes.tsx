import { BOARD_LIMITS, noteFragment } from '@co-assess/board-model'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { CharacterCount } from '@tiptap/extensions'
import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import type { FrameworkArea } from '../../framework/frameworkTypes.ts'
import { useBoardContext } from '../BoardContext.tsx'

/** Another person's caret: their name beside it for sighted people; the presence list says it in words. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const colour = typeof user.color === 'string' ? user.color : '#4c6272'
  const caret = document.createElement('span')
  caret.className = 'co-caret'
  caret.style.borderColor = colour
  caret.setAttribute('aria-hidden', 'true')
  const label = document.createElement('span')
  label.className = 'co-caret__label'
  label.style.backgroundColor = colour
  label.textContent = typeof user.name === 'string' ? user.name : 'Someone'
  caret.append(label)
  return caret
}

/** The area's evidence notes, written together in real time; read-only for observers and reviewers. */
export function EvidenceNotes({ area }: { area: FrameworkArea }) {
  const { connection, canWrite, person } = useBoardContext()
  const labelId = `notes-label-${area.id}`
  const hintId = `notes-hint-${area.id}`
  const doc = connection.doc
  // Not the provider: one replaced after a dropped connection would rebuild the editor under the
  // person's fingers (focus lost, keystrokes meanwhile gone). The awareness outlives providers.
  const awareness = connection.awareness

  const editor = useEditor(
    {
      editable: canWrite,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment: noteFragment(doc, area.id) }),
        // The server refuses a note past this length; the editor stops there first and says so.
        CharacterCount.configure({ limit: BOARD_LIMITS.noteCharacters }),
        CollaborationCaret.configure({
          provider: { awareness },
          user: {
            id: person.id,
            name: person.name,
            color: person.colour,
            role: person.role,
            group: person.group,
          },
          render: renderCaret,
        }),
      ],
      editorProps: {
        attributes: {
          class: 'co-notes__editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          'aria-describedby': hintId,
          ...(canWrite ? {} : { 'aria-readonly': 'true' }),
        },
      },
    },
    // A new document (the server's copy after a refusal) is a new editor; a new connection is not.
    [doc, awareness, area.id, canWrite],
  )

  // Read from the document itself: an editor replaced after a resync has no count storage yet.
  const characters = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current && !current.isDestroyed ? current.state.doc.textContent.length : 0,
  })
  const nearLimit = canWrite && (characters ?? 0) >= BOARD_LIMITS.noteCharacters * 0.9

  return (
    <section className="co-notes" aria-labelledby={labelId}>
      {/* A contenteditable cannot be the target of <label for>: this visible heading names it instead. */}
      <h2 id={labelId}>
        Evidence notes
        <span className="nhsuk-u-visually-hidden">
          {' '}
          for {area.id} {area.title}
        </span>
      </h2>
      <div className="nhsuk-form-group">
        <div className="nhsuk-hint" id={hintId}>
          {canWrite
            ? 'Write what shows each item is in place, or is not yet. Everyone here can edit these notes at the same time; their names show where they are typing. Press Tab to leave the notes.'
            : 'You can read the notes as they are written, but not change them.'}
        </div>
        <div className={`co-notes__frame${canWrite ? '' : ' co-notes__frame--readonly'}`} data-testid="notes">
          <EditorContent editor={editor} />
        </div>
        <p className="nhsuk-hint co-notes__count" aria-live="polite">
          {nearLimit
            ? `${(characters ?? 0).toLocaleString('en-GB')} of ${BOARD_LIMITS.noteCharacters.toLocaleString('en-GB')} characters used. For more, link to a document instead.`
            : ''}
        </p>
      </div>
    </section>
  )
}
